"""Before/after: the end-to-end benchmark of two commits, run back to back on this machine
with the same corpus size, and the ratios between them (bench/results/compare.json).

Each commit runs from its own git worktree (its code, its bench/e2e.py) with this venv.

    python -m bench.compare --before REV [--after REV] [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import orjson

from bench.common import write

ROOT = Path(__file__).resolve().parents[1]


def run_e2e(rev: str, articles: int, repeat: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True)
        try:
            env = {**os.environ, "PYTHONPATH": f"{tree / 'services'}{os.pathsep}{tree}"}
            command = [sys.executable, "-m", "bench.e2e", "--articles", str(articles)]
            subprocess.run([*command, "--repeat", str(repeat)], cwd=tree, env=env, check=True)
            result: dict[str, Any] = orjson.loads((tree / "bench/results/e2e.json").read_bytes())
        finally:
            remove = ["git", "worktree", "remove", "--force", str(tree)]
            subprocess.run(remove, cwd=ROOT, check=False)
    return result


def _figures(e2e: dict[str, Any]) -> dict[str, float]:
    out = {"relay_mb_per_s": e2e["relay"]["mb_per_s"]}
    for workers in (1, 2):
        run = e2e[f"workers_{workers}"]
        out[f"articles_per_s_{workers}w"] = run["full_speed"]["articles_per_s"]["median"]
        out[f"to_relay_{workers}w"] = run["mb_per_s_to_relay"]
        out[f"p99_half_speed_s_{workers}w"] = run["half_speed"]["latency_p99_s"]["median"]
        out[f"peak_rss_mb_{workers}w"] = max(
            max(r) for r in run["full_speed"]["peak_rss_mb_per_worker"]
        )
    return out


def _short(rev: str) -> str:
    command = ["git", "rev-parse", "--short", rev]
    found = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return found.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    revs = {
        name: subprocess.run(
            ["git", "rev-parse", "--short", rev],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        for name, rev in (("before", args.before), ("after", args.after))
    }
    before = _figures(run_e2e(revs["before"], args.articles, args.repeat))
    after = _figures(run_e2e(revs["after"], args.articles, args.repeat))
    ratios = {key: round(after[key] / before[key], 3) for key in before if before[key]}
    write(
        "compare.json",
        {
            "articles": args.articles,
            "repeat": args.repeat,
            "commits": revs,
            "before": before,
            "after": after,
            "after_over_before": ratios,
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
