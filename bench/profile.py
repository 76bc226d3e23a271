"""Where a worker's CPU goes: one worker on a local broker, sampled by py-spy while it turns a
generated corpus into events, its samples sorted into the stages the issue names.

Categories (the innermost frame that matches decides; a C call counts for the Python frame that
made it, so ``ArticleEvent.model_validate`` inside ``_decode`` is validation):
- ``faust_aiokafka``: Faust, mode, aiokafka, kafka-python's protocol, asyncio's loop;
- ``serialisation_validation``: JSON (orjson; the stdlib's for Faust's table values), pydantic,
  our decode/encode helpers;
- ``reassembly_parsing``: chunk envelopes, reassembly, the dump parser, event building;
- ``dedup``: identity records, MinHash, the near-duplicate index;
- ``enrichment``: every extractor, lingua, pymorphy3;
- ``newswire_stream``: our agents' own glue (batching, delivery, dead letters, metrics);
- ``other``: the rest (logging, prometheus-client, the interpreter's start-up).
Samples of the event loop waiting in ``select`` are counted apart, as idle.

With ``--before REV`` the same run is made first with the code of commit REV (a temporary git
worktree), so before and after come from one run on one machine.

    python -m bench.profile [--articles N] [--before REV] [--rate HZ]

Needs py-spy (a dev dependency). Writes bench/results/profile.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.common import ROOT, local_broker, short_commit, worktree, write
from newswire.kafka.produce import produce_files
from newswire.settings import Settings
from newswire_dev.cluster import Cluster
from newswire_dev.generate import generate

CATEGORIES = (
    "faust_aiokafka",
    "serialisation_validation",
    "reassembly_parsing",
    "dedup",
    "enrichment",
    "newswire_stream",
    "other",
)
# (category, pattern over py-spy's "function (module/path.py:line)"), tried in order on each
# frame from the leaf.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(pattern))
    for category, pattern in (
        ("enrichment", r"[(/]newswire/enrich/|[(/]lingua/|[(/]pymorphy3"),
        ("dedup", r"[(/]newswire/core/(dedup|similarity|identity)\.py"),
        (
            "serialisation_validation",
            r"^(_decode|event_to_json|loads|dumps|model_\w+|to_json|from_json|from_dict|to_dict) "
            r"|[(/](pydantic|orjson|json)/|[(/]newswire/jsonio\.py",
        ),
        ("reassembly_parsing", r"[(/]newswire/core/(reassembly|parse|envelope|events)\.py"),
        ("newswire_stream", r"[(/]newswire/(stream|kafka)/"),
        ("faust_aiokafka", r"[(/](faust|mode|aiokafka|kafka|asyncio|yarl|aiohttp|croniter)/"),
    )
)


# The event loop waiting for sockets: py-spy may count it as running; it is no CPU work.
_IDLE = re.compile(r"\.select \((selectors|asyncio/\w+)\.py")


def classify(stack: list[str]) -> str:
    """The category of one sampled stack (frames from the root to the leaf)."""
    if _IDLE.search(stack[-1]):
        return "idle"
    for frame in reversed(stack):
        for category, pattern in _RULES:
            if pattern.search(frame):
                return category
    return "other"


def read_samples(path: Path) -> Iterator[tuple[list[str], int]]:
    """py-spy's raw (collapsed) output: ``frame;frame;...;leaf count`` a line."""
    for line in path.read_text(errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack and count.isdigit():
            yield stack.split(";"), int(count)


def shares(path: Path) -> dict[str, Any]:
    by_category: Counter[str] = Counter()
    by_leaf: Counter[str] = Counter()
    for stack, count in read_samples(path):
        category = classify(stack)
        by_category[category] += count
        if category != "idle":
            by_leaf[stack[-1]] += count
    idle = by_category.pop("idle", 0)
    total = sum(by_category.values()) or 1
    return {
        "samples": total,
        "idle_samples": idle,
        "share": {name: round(by_category[name] / total, 4) for name in CATEGORIES},
        "top_frames": [
            {"frame": frame, "share": round(count / total, 4)}
            for frame, count in by_leaf.most_common(15)
        ],
    }


def _py_spy() -> str:
    found = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(found).exists():
        raise SystemExit("py-spy not found: pip install -e '.[dev]'")
    return found


def profile_tree(
    settings: Settings, tree: Path, corpus: Path, workdir: Path, rate: int
) -> dict[str, Any]:
    """One worker running the code of ``tree``, sampled from its first chunk to its last event."""
    cluster = Cluster(settings, workdir)
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(tree / "services"), str(tree)])
    samples = workdir / "samples.txt"
    try:
        asyncio.run(cluster.ensure_topics())
        cluster.start_worker(0)
        cluster.wait_ready()
        pid = cluster.workers[0].pid
        record = ["record", "--pid", str(pid), "--rate", str(rate), "--format", "raw"]
        spy = subprocess.Popen(
            [_py_spy(), *record, "--output", str(samples), "--nonblocking"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        started = time.time()
        asyncio.run(produce_files(cluster.settings, [(corpus.name, corpus)], settings.chunk_size))
        asyncio.run(cluster.wait_drained(within=1800, settle=0.5))
        seconds = time.time() - started
        spy.send_signal(signal.SIGINT)
        _, errors = spy.communicate(timeout=60)
        if not samples.exists():
            raise SystemExit(f"py-spy wrote no samples: {errors.decode(errors='replace')}")
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous
        cluster.stop()
        with contextlib.suppress(Exception):
            asyncio.run(cluster.delete_topics())
    return {"seconds_sampled": round(seconds, 2), **shares(samples)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=4000)
    parser.add_argument("--before", metavar="REV", help="also profile this commit, first")
    parser.add_argument("--rate", type=int, default=200, help="samples a second")
    parser.add_argument("--keep", type=Path, help="copy py-spy's raw samples into this folder")
    args = parser.parse_args()
    result: dict[str, Any] = {"articles": args.articles, "rate_hz": args.rate}
    with local_broker() as (settings, home):
        corpus = home / "corpus.txt"
        corpus.write_text(generate(args.articles, seed=99).text, encoding="utf-8")
        with contextlib.ExitStack() as stack:
            trees: list[tuple[str, Path]] = [("after", ROOT)]
            if args.before:
                trees.insert(
                    0, ("before", stack.enter_context(worktree(args.before, home / "before")))
                )
            for label, tree in trees:
                with tempfile.TemporaryDirectory(dir=home) as workdir:
                    run = profile_tree(settings, tree, corpus, Path(workdir), args.rate)
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        shutil.copy(Path(workdir) / "samples.txt", args.keep / f"{label}.txt")
                result[label] = {"commit": short_commit("HEAD", tree), **run}
                print(label, result[label]["share"], file=sys.stderr)
    write("profile.json", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
