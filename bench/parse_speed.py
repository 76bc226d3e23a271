"""`newswire parse` before and after: two commits, each installed with its own declared
dependencies in its own venv, timed alternately on the same files in one run
(bench/results/parse_speed.json).

Files: a generated corpus (the benchmark corpus, ``--articles``) and, where the public corpora
are there (``bench.corpora``), a dump of each of NEREL test, KazNERD test and CoNLL++ test (text
the extractors were not tuned on), written outside the repository. For each file and commit:
the user CPU seconds of the whole command (a child process's own CPU: steadier than wall time
on a shared machine), medians of ``--repeat`` runs, the after/before ratio of articles per CPU
second; and both summary lines (articles parsed, events, duplicates, rejections), with whether
they agree (the runs of one commit must: a run that disagrees stops the benchmark).

    python -m bench.parse_speed --before REV [--after REV] [--articles N] [--repeat K]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import short_commit, worktree, write
from bench.corpora import CORPORA, Unavailable, available, load, parse_selection
from bench.corpora.dump import write_dump
from newswire_dev.generate import generate

PUBLIC = ("nerel-test", "kaznerd-test", "conllpp-test")


def _venv(tree: Path) -> Path:
    """A venv with the commit installed as it declares itself (its dependencies, pins)."""
    venv = tree / ".bench-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, str(tree)], check=True, cwd=tree)
    return venv / "bin" / "newswire"


def _timed(newswire: Path, dump: Path) -> tuple[float, str]:
    """User CPU seconds of one `newswire parse`, and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    done = subprocess.run(
        [str(newswire), "parse", str(dump)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")},
    )
    seconds = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
    return seconds, done.stderr.strip().splitlines()[-1]


def _files(home: Path, articles: int) -> dict[str, Path]:
    files = {"generated": home / "generated.txt"}
    files["generated"].write_text(generate(articles, seed=7).text, encoding="utf-8")
    for selection in PUBLIC:
        name, split = parse_selection(selection)
        if available(CORPORA[name]) is not None:
            print(f"{selection}: skipped: {available(CORPORA[name])}", file=sys.stderr)
            continue
        try:
            documents = load(name, split)
        except Unavailable as exc:
            print(f"{selection}: skipped: {exc}", file=sys.stderr)
            continue
        files[selection] = home / f"{selection}.txt"
        write_dump(documents, files[selection], Path(__file__).resolve().parents[1])
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--articles", type=int, default=6000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    revs = {"before": short_commit(args.before), "after": short_commit(args.after)}
    result: dict[str, Any] = {"commits": revs, "repeat": args.repeat, "files": {}}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        files = _files(home, args.articles)
        with (
            worktree(revs["before"], home / "before") as before,
            worktree(revs["after"], home / "after") as after,
        ):
            commands = {"before": _venv(before), "after": _venv(after)}
            for label, dump in files.items():
                seconds: dict[str, list[float]] = {"before": [], "after": []}
                summaries: dict[str, set[str]] = {"before": set(), "after": set()}
                for _ in range(args.repeat):  # alternately: a noisy moment hurts both
                    for name, command in commands.items():
                        cpu, summary = _timed(command, dump)
                        seconds[name].append(cpu)
                        summaries[name].add(summary)
                medians = {name: statistics.median(runs) for name, runs in seconds.items()}
                if any(len(lines) != 1 for lines in summaries.values()):
                    raise SystemExit(f"{label}: one commit's runs disagree: {summaries}")
                lines = {name: next(iter(found)) for name, found in summaries.items()}
                result["files"][label] = {
                    "cpu_seconds": {name: round(m, 3) for name, m in medians.items()},
                    "spread": {n: round(max(r) - min(r), 3) for n, r in seconds.items()},
                    # What each parsed, published and refused: the same work, or not.
                    "summaries": lines,
                    "summaries_agree": lines["before"] == lines["after"],
                    "after_over_before": round(medians["before"] / medians["after"], 3),
                }
                print(label, result["files"][label], file=sys.stderr)
    write("parse_speed.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
