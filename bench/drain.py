"""Backlog drain on a real local broker: the whole corpus waits on the input topic, then one
worker starts and processes it.

What the end-to-end benchmark does not show: the worker's own CPU per article, how busy it
was while draining (its CPU time over the drain's wall time: below 100 % it waited on
something), and its peak RSS. Wall and CPU run from the worker's readiness to the first poll
that finds nothing left to process. Linux only (it reads ``/proc``).

With ``--before REV`` that commit's worker drains the same corpus too, alternately with this
tree's, in one run (a git worktree), and the ratios compare like with like. Results:
bench/results/drain.json.

    python -m bench.drain [--articles N] [--repeat K] [--before REV]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench.common import ROOT, local_broker, short_commit, worktree, write
from newswire.kafka.produce import produce_files
from newswire.settings import Settings
from newswire_dev.cluster import Cluster
from newswire_dev.generate import generate

_CHUNK_BYTES = 65_536
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process (``/proc/PID/stat``, fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS


def _start_worker_of(cluster: Cluster, tree: Path) -> None:
    """Worker 0, running ``tree``'s code (the worker inherits this process's PYTHONPATH)."""
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = f"{tree / 'services'}{os.pathsep}{tree}"
    try:
        cluster.start_worker(0)
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved


def drain_once(settings: Settings, tree: Path, corpus: Path, articles: int) -> dict[str, float]:
    """One drain of ``corpus`` by one worker running ``tree``'s code."""
    run_settings = settings.model_copy(update={"app_id": f"drain-{uuid.uuid4().hex[:8]}"})
    with tempfile.TemporaryDirectory() as home:
        cluster = Cluster(run_settings, Path(home))
        asyncio.run(cluster.ensure_topics())
        asyncio.run(produce_files(cluster.settings, [(corpus.name, corpus)], _CHUNK_BYTES))
        _start_worker_of(cluster, tree)
        try:
            pid = cluster.workers[0].pid
            cluster.wait_ready(timeout=180)
            started, cpu_started = time.monotonic(), _cpu_seconds(pid)
            busy_until = [started]

            def progress(backlog: int) -> None:
                if backlog:
                    busy_until[0] = time.monotonic()

            asyncio.run(cluster.wait_drained(within=1800, on_progress=progress))
            cpu = _cpu_seconds(pid) - cpu_started
            rss = cluster.peak_rss_bytes(0) / 2**20
        finally:
            cluster.stop()
            asyncio.run(cluster.delete_topics())
    wall = busy_until[0] - started
    return {
        "seconds": wall,
        "articles_per_s": articles / wall,
        "worker_cpu_seconds": cpu,
        "cpu_ms_per_article": 1000 * cpu / articles,
        "busy": cpu / wall,
        "peak_rss_mb": rss,
    }


def _medians(runs: list[dict[str, float]]) -> dict[str, Any]:
    return {
        name: {
            "median": round(statistics.median(r[name] for r in runs), 4),
            "spread": round(max(r[name] for r in runs) - min(r[name] for r in runs), 4),
        }
        for name in runs[0]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--before", help="a commit whose worker drains the corpus too")
    args = parser.parse_args()
    with ExitStack() as stack:
        settings, home = stack.enter_context(local_broker())
        trees = {"after": ROOT}
        if args.before:
            before = stack.enter_context(worktree(args.before, home / "before"))
            trees = {"before": before, **trees}
        corpus = home / "drain-corpus.txt"
        corpus.write_text(generate(args.articles, seed=17).text, encoding="utf-8")
        commits = {name: short_commit("HEAD", tree) for name, tree in trees.items()}
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for _ in range(args.repeat):
            for name, tree in trees.items():
                runs[name].append(drain_once(settings, tree, corpus, args.articles))
                print(name, {k: round(v, 3) for k, v in runs[name][-1].items()}, file=sys.stderr)
    result: dict[str, Any] = {
        "articles": args.articles,
        "repeat": args.repeat,
        "commits": commits,
        **{name: _medians(r) for name, r in runs.items()},
    }
    if args.before:
        result["after_over_before"] = {
            name: round(result["after"][name]["median"] / result["before"][name]["median"], 3)
            for name in result["after"]
        }
    write("drain.json", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
