"""Merge bench/results/*.json into latest.json and a markdown table (latest.md), and write
bench/README.md: how each benchmark measures, then the latest figures, from those files.

python -m bench.report
"""

from __future__ import annotations

import sys
from typing import Any

import orjson

from bench.common import RESULTS, machine, num

_RESULTS = (
    *("parse", "e2e", "enrich", "dedup", "near", "state", "compare", "profile"),
    *("near_memory_before", "near_memory", "drain", "enrich_real", "quotes_real"),
    "parse_speed",
)
README = RESULTS.parent / "README.md"
METHOD = """# Benchmarks

Every figure here comes from a command in this directory and is written by it to
`bench/results/`; `python -m bench.report` (run by `make bench`, `make bench-quality` and
`make bench-compare`) writes this file from those results. Machines here differ by up to 3x in
speed and are shared: rates are reported, never compared across machines; a target is a ratio
against a named commit measured in the same run (`--before`).

- `parse_throughput.py`: parsing and the whole core (`newswire parse`) against a one-regex
  floor, on a generated corpus.
- `enrich_real.py` (`make bench-quality`): enrichment on public annotated news corpora nobody
  here wrote, outside the repository (`../shared/data`, or `BENCH_CORPORA_DIR`): Russian
  NEREL 1.1 (`dev` to develop on, `test` the figure), Kazakh KazNERD (pseudo-articles of 8
  sentences; a hash of each split's documents keeps `test` held out), English CoNLL++
  development split (Reuters agency news, the same held-out rule) and, where `BENCH_GUM_DIR`
  points at a clone of the GUM corpus, its Wikinews news genre (English prose the extractors
  were never tuned on; CoNLL++ is mostly sports tables). Precision and recall per type at the
  article level (the set of entities: persons by the dictionary form of the surname) and at
  the mention level (spans); roles of NEREL's `WORKS_AS` pairs and KazNERD's positions next to
  a person; money by value and by span. `--errors DIR` writes the error analysis (not in git).
- `quotes_real.py`: quotes on the same Russian and Kazakh corpora, which carry no quote
  annotation: the share of sentences of reported speech (a speech verb and a mark of speech,
  or "по словам") a quote covers, and whether its speaker is a gold person.
- `enrich_quality.py`: enrichment speed, language accuracy, and the hand-written held-out
  articles (regression figures, not the quality figure).
- `dedup_quality.py`: dedup precision and recall on generated corpora with known repeats,
  revisions and copies; state bytes an article.
- `near_ceiling.py`: the near-duplicate decision alone on one core: every article passes that
  one-partition stage, so its rate is the cluster's ceiling. `near_memory.py`: the
  near-duplicate index's memory an article.
- `e2e.py`: a real local broker, newswire with 1 and 2 workers at full and half speed against
  a pass-through relay; medians of 3 runs with their spread.
- `drain.py`: a backlog waiting on the input topic drained by one worker: articles/s, the
  worker's CPU an article, how busy it was, its peak RSS; `--before <commit>` drains the same
  corpus with that commit's worker too, alternately, in one run.
- `state.py`: 200,000 distinct articles through one worker with `memory://` and `rocksdb://`;
  resident memory at checkpoints, changelog bytes, and the slope extrapolated to 1,000,000 (an
  extrapolation, not a measurement).
- `profile.py`: one worker sampled by py-spy, its CPU split by kind of work.
- `parse_speed.py` (`make bench-parse-speed BEFORE=<commit>`): `newswire parse` of two
  commits, each installed with its own declared dependencies, timed alternately (user CPU,
  medians) on the generated corpus and on dumps of NEREL, KazNERD and CoNLL++ test.
- `compare.py` (`make bench-compare BEFORE=<commit>`): the core, the events of `newswire
  parse` byte for byte, and end to end, for two commits from git worktrees in one run.
"""


def _load(name: str) -> dict[str, Any]:
    path = RESULTS / name
    loaded: dict[str, Any] = orjson.loads(path.read_bytes()) if path.exists() else {}
    return loaded


def _quantiles(run: dict[str, Any]) -> str:
    return "/".join(f"{run[f'latency_{q}_s']['median']:.2f}" for q in ("p50", "p95", "p99")) + " s"


def rows(results: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    parse = results.get("parse") or {}
    if parse:
        out.append(
            (
                "parse (chunks to events) / one-regex floor",
                f"{parse['parse']['mb_per_s']} MB/s / {parse['floor']['mb_per_s']} MB/s "
                f"(ratio {parse['parse_to_floor_ratio']})",
            )
        )
        out.append(
            (
                "`newswire parse` whole core, one process",
                f"{parse['core']['mb_per_s']} MB/s, {parse['core']['articles_per_s']} articles/s",
            )
        )
    e2e = results.get("e2e") or {}
    if e2e:
        relay = e2e["relay"]
        out.append(
            (
                "end-to-end corpus",
                f"{e2e['articles']} generated articles, {e2e['corpus_mb']} MB, "
                f"medians of {e2e['repeat']} runs",
            )
        )
        out.append(
            (
                "pass-through relay (Kafka floor)",
                f"{relay['mb_per_s']} MB/s ({relay.get('passes', 1)} passes over the corpus, "
                f"{relay['median_seconds']:.1f} s a run)",
            )
        )
        for workers in (1, 2):
            run = e2e.get(f"workers_{workers}")
            if not run:
                continue
            full, half = run["full_speed"], run["half_speed"]
            out.append(
                (
                    f"end to end, {workers} worker(s), full speed",
                    f"{full['articles_per_s']['median']:.1f} articles/s "
                    f"(spread {full['articles_per_s']['spread']:.1f}; "
                    f"{full['seconds']['median']:.1f} s a run), "
                    f"{full['mb_per_s']['median']:.3f} MB/s = {run['mb_per_s_to_relay']} of relay; "
                    f"p50/p95/p99 {_quantiles(full)}",
                )
            )
            out.append(
                (
                    f"end to end, {workers} worker(s), half speed",
                    f"p50/p95/p99 {_quantiles(half)}; "
                    f"peak RSS per worker (MB) {full['peak_rss_mb_per_worker']}",
                )
            )
    enrich = results.get("enrich") or {}
    if enrich:
        blind = enrich["quality_blind_set"]
        out.append(("enrichment, one core", f"{enrich['speed']['articles_per_s']} articles/s"))
        out.append(
            (
                "persons / countries on blind held-out articles",
                f"P {blind['persons']['precision']} R {blind['persons']['recall']} / "
                f"P {blind['countries']['precision']} R {blind['countries']['recall']}",
            )
        )
    dedup = results.get("dedup") or {}
    if dedup:
        near = [run["scores"]["near"] for run in dedup["runs"]]
        out.append(
            (
                "near-duplicates (per seed)",
                ", ".join(f"P {n['precision']:.3f} R {n['recall']:.3f}" for n in near),
            )
        )
    near_stage = results.get("near") or {}
    if near_stage:
        rate = near_stage["near_step_articles_per_s"]
        out.append(
            (
                "near-duplicate stage alone (one partition's ceiling), one core",
                f"{rate['median']} articles/s (spread {rate['spread']}); its MinHash, "
                f"computed upstream: {near_stage['near_key_us_per_article']} us an article",
            )
        )
    state = results.get("state") or {}
    for store in ("memory", "rocksdb"):
        if store in state:
            run = state[store]
            out.append(
                (
                    f"state after {run['articles']} distinct articles, {store}://",
                    f"RSS {run['rss_mb'][-1][1]} MB, {run['rss_bytes_per_article']} B an article "
                    f"(1,000,000 extrapolated: {run['rss_mb_extrapolated_1m']} MB); changelog "
                    f"{run['changelog_bytes_per_article']} B an article",
                )
            )
    out += compare_rows(results.get("compare") or {})
    out += parse_speed_rows(results.get("parse_speed") or {})
    out += drain_rows(results.get("drain") or {})
    out += index_rows(results)
    profile = results.get("profile") or {}
    for label in ("before", "after"):
        if label in profile:
            run = profile[label]
            shares = ", ".join(f"{k} {v:.0%}" for k, v in run["share"].items())
            busy = f"{run['samples']} samples at {profile['rate_hz']} Hz"
            where = f"{run['commit']}, {profile['articles']} articles"
            out.append((f"worker CPU by stage, {label} ({where})", f"{busy}: {shares}"))
    return out  # fmt: skip


def index_rows(results: dict[str, dict[str, Any]]) -> list[tuple[str, str]]:
    """Rows of bench.near_memory, of an earlier commit's index and of this one's."""
    out: list[tuple[str, str]] = []
    for name, label in (("near_memory_before", "before"), ("near_memory", "now")):
        index = results.get(name) or {}
        if index:
            out.append(
                (
                    f"near-duplicate index alone, {index['articles']} articles ({label})",
                    f"{index['rss_bytes_per_article']} B an article of RSS, "
                    f"{index['traced_bytes_per_article']} B traced; with entries kept as "
                    f"memory:// keeps them {index['traced_bytes_per_article_with_memory_table']} B",
                )
            )
    return out


def drain_rows(drain: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows of bench.drain: one worker through a waiting backlog, per commit, and the ratio."""
    out: list[tuple[str, str]] = []
    for label in ("before", "after"):
        if label in drain:
            run = drain[label]
            out.append(
                (
                    f"backlog drain, 1 worker, {drain['articles']} articles "
                    f"({drain['commits'][label]}, medians of {drain['repeat']})",
                    f"{run['articles_per_s']['median']:.1f} articles/s; worker CPU "
                    f"{run['cpu_ms_per_article']['median']:.2f} ms an article, busy "
                    f"{run['busy']['median']:.0%} of the drain; peak RSS "
                    f"{run['peak_rss_mb']['median']:.0f} MB",
                )
            )
    if "after_over_before" in drain:
        ratios = drain["after_over_before"]
        out.append(
            (
                "backlog drain, after/before",
                f"articles/s x{ratios['articles_per_s']}, worker CPU an article "
                f"x{ratios['cpu_ms_per_article']}, peak RSS x{ratios['peak_rss_mb']}",
            )
        )
    return out


def compare_rows(compare: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows of a before/after comparison (bench.compare)."""
    if not compare:
        return []
    out: list[tuple[str, str]] = []
    ratios, commits = compare["after_over_before"], compare["commits"]
    after, before = compare["after"], compare["before"]
    label = f"after/before ({commits['after']} over {commits['before']}"
    if "core_articles_per_s" in ratios:
        out.append(
            (
                f"{label}, core, {compare['core_articles']} articles)",
                f"{after['core_articles_per_s']} / {before['core_articles_per_s']} "
                f"articles/s = x{ratios['core_articles_per_s']}",
            )
        )
    if "events" in compare:
        events = compare["events"]
        out.append(
            (
                f"{label}, `newswire parse` events)",
                f"{events['identical']} of {events['events_after']} byte-identical "
                f"(before: {events['events_before']}); fields that differ: "
                f"{events['differing_fields'] or 'none'}",
            )
        )
    if "articles_per_s_1w" in ratios:
        out.append(
            (
                f"{label}, end to end, {compare['articles']} articles)",
                f"articles/s x{ratios['articles_per_s_1w']} (1 worker), "
                f"x{ratios['articles_per_s_2w']} (2 workers); "
                f"p99 at half speed x{ratios['p99_half_speed_s_1w']} (1 worker); "
                f"peak RSS x{ratios['peak_rss_mb_1w']}",
            )
        )
    return out


def parse_speed_rows(speed: dict[str, Any]) -> list[tuple[str, str]]:
    """Rows of `newswire parse` before and after (bench.parse_speed), one a file."""
    if not speed:
        return []
    commits = speed["commits"]
    return [
        (
            f"`newswire parse` after/before ({commits['after']} over {commits['before']}), "
            f"{name}, user CPU, median of {speed['repeat']}",
            f"{run['cpu_seconds']['after']} s / {run['cpu_seconds']['before']} s: "
            f"x{run['after_over_before']} articles per CPU second",
        )
        for name, run in speed["files"].items()
    ]


def _pr(figure: dict[str, Any] | None) -> str:
    if not figure or figure.get("precision") is None:
        return "-"
    return f"{figure['precision']:.2f} / {figure['recall']:.2f}"


def quality_table(real: dict[str, Any], quotes: dict[str, Any]) -> str:
    """Precision / recall per corpus and type (article level; persons at the mention level
    too), roles, money and quotes: the enrichment's figures on text nobody here wrote."""
    corpora = real.get("corpora") or {}
    if not corpora:
        return ""
    head = (
        "| corpus | articles | persons | persons (mentions) | full-name recall | places "
        "| countries | organisations | roles | money (value) "
        "| quotes: coverage, speaker right, speaker when a person is in the sentence |"
    )
    lines = [head, "|" + " --- |" * 11]
    for name, run in corpora.items():
        level = run["article_level"]
        mention = (run.get("mention_level") or {}).get("persons", {}).get("body", {})
        persons_m = (
            f"{mention['exact_precision']:.2f} / {mention['exact_recall']:.2f}"
            if mention.get("exact_precision") is not None
            else "-"
        )
        roles = run.get("roles") or {}
        role = f"{roles['role_right']:.2f}" if roles.get("role_right") is not None else "-"
        quote = (quotes.get("corpora") or {}).get(name)
        quoted = (
            f"{quote['coverage']:.2f}, {quote['speaker_right_when_given']:.2f}, "
            f"{num(quote.get('speaker_when_person_in_sentence'))}"
            if quote
            else "-"
        )
        full = level["persons"].get("full_name_recall")
        lines.append(
            f"| {name} | {run['articles']} | {_pr(level['persons'])} | {persons_m} | "
            f"{full if full is not None else '-'} | {_pr(level['places'])} | "
            f"{_pr(level['countries'])} | {_pr(level['organizations'])} | {role} | "
            f"{_pr(level.get('money'))} | {quoted} |"
        )
    return "\n".join(lines) + "\n"


def main() -> int:
    results = {name: _load(f"{name}.json") for name in _RESULTS}
    (RESULTS / "latest.json").write_bytes(orjson.dumps({"machine": machine(), **results}) + b"\n")
    table = ["| measure | result |", "| --- | --- |"]
    table += [f"| {left} | {right} |" for left, right in rows(results)]
    text = f"Measured on {machine()}.\n\n" + "\n".join(table) + "\n"
    (RESULTS / "latest.md").write_text(text)
    quality = quality_table(results["enrich_real"], results["quotes_real"])
    README.write_text(
        METHOD
        + "\n## Enrichment on public corpora (precision / recall)\n\n"
        + (quality or "Not measured yet: `make bench-quality`.\n")
        + "\n## Throughput, latency, memory\n\n"
        + text
    )
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
