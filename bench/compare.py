"""Before/after: two commits measured back to back on this machine, on the same corpus sizes,
with the ratios between them (bench/results/compare.json).

Each commit runs from its own git worktree (its code, its bench scripts) with this venv:
- ``core``: its bench/parse_throughput.py (the whole core of `newswire parse`, one process);
- ``events``: its `newswire parse` over one generated corpus, event by event: how many of the
  after-commit's events are byte-identical to the before-commit's;
- ``e2e``: its bench/e2e.py (a local broker, 1 and 2 workers, full and half speed).

    python -m bench.compare --before REV [--after REV] [--articles N] [--core-articles N]
                            [--repeat K] [--only core,events,e2e]
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

from bench.common import short_commit, worktree, write
from newswire_dev.generate import generate

PARTS = ("core", "events", "e2e")


def _run(tree: Path, *command: str, stdout: Any = None) -> None:
    env = {**os.environ, "PYTHONPATH": f"{tree / 'services'}{os.pathsep}{tree}"}
    subprocess.run([sys.executable, *command], cwd=tree, env=env, check=True, stdout=stdout)


def _result(tree: Path, name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = orjson.loads((tree / "bench/results" / name).read_bytes())
    return loaded


def core_figures(tree: Path, articles: int, repeat: int) -> dict[str, float]:
    _run(tree, "-m", "bench.parse_throughput", "--articles", str(articles), "--repeat", str(repeat))
    parse = _result(tree, "parse.json")
    return {"core_articles_per_s": parse["core"]["articles_per_s"]}


def e2e_figures(tree: Path, articles: int, repeat: int) -> dict[str, float]:
    _run(tree, "-m", "bench.e2e", "--articles", str(articles), "--repeat", str(repeat))
    e2e = _result(tree, "e2e.json")
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


def parse_events(tree: Path, corpus: Path) -> list[bytes]:
    with tempfile.TemporaryFile() as out:
        _run(tree, "-m", "newswire", "parse", str(corpus), stdout=out)
        out.seek(0)
        return out.read().splitlines()


def event_differences(before: list[bytes], after: list[bytes]) -> dict[str, Any]:
    """How many events are byte-identical, and the fields of the first few that differ."""
    differing = [(b, a) for b, a in zip(before, after, strict=False) if b != a]
    fields: dict[str, int] = {}
    for b, a in differing:
        old, new = orjson.loads(b), orjson.loads(a)
        for key in sorted(old.keys() | new.keys()):
            if old.get(key) != new.get(key):
                fields[key] = fields.get(key, 0) + 1
    return {
        "events_before": len(before),
        "events_after": len(after),
        "identical": sum(1 for b, a in zip(before, after, strict=False) if b == a),
        "differing_fields": fields,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--articles", type=int, default=2400, help="end-to-end corpus")
    parser.add_argument("--core-articles", type=int, default=8000, help="core corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=",".join(PARTS), help=f"some of {','.join(PARTS)}")
    args = parser.parse_args()
    parts = [p for p in args.only.split(",") if p]
    if unknown := set(parts) - set(PARTS):
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    revs = {"before": short_commit(args.before), "after": short_commit(args.after)}
    figures: dict[str, dict[str, float]] = {"before": {}, "after": {}}
    result: dict[str, Any] = {"commits": revs, "repeat": args.repeat}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        with (
            worktree(revs["before"], home / "before") as before,
            worktree(revs["after"], home / "after") as after,
        ):
            trees = {"before": before, "after": after}
            if "core" in parts:
                result["core_articles"] = args.core_articles
                for name, tree in trees.items():
                    figures[name] |= core_figures(tree, args.core_articles, args.repeat)
            if "events" in parts:
                corpus = home / "events-corpus.txt"
                corpus.write_text(generate(args.core_articles, seed=7).text, encoding="utf-8")
                events = {name: parse_events(tree, corpus) for name, tree in trees.items()}
                result["events"] = event_differences(events["before"], events["after"])
            if "e2e" in parts:
                result["articles"] = args.articles
                for name, tree in trees.items():
                    figures[name] |= e2e_figures(tree, args.articles, args.repeat)
    old, new = figures["before"], figures["after"]
    result |= {
        "before": old,
        "after": new,
        "after_over_before": {k: round(new[k] / old[k], 3) for k in old if old[k]},
    }
    write("compare.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
