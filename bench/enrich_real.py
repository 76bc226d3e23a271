"""Enrichment quality and speed on real annotated news corpora (``bench.corpora``).

``bench/enrich_quality.py`` measures the hand-written held-out articles; this measures what
others annotated: NEREL 1.1 (Russian Wikinews), KazNERD (Kazakh TV news, pseudo-articles of 8
sentences), CoNLL++ (English Reuters 1996) and, when ``BENCH_GUM_DIR`` points at it, GUM's
news genre (English Wikinews). Every document goes through ``newswire.enrich.enrich`` as
``newswire_dev.corpus.unenriched(title, body)`` makes its event. Splits: NEREL's own
``dev`` (to develop on) and ``test`` (the figure to report); the others by a hash of each
document's tokens (``bench/corpora/split.py``), ``test`` being the held-out half.

Figures, per corpus split (``bench/scoring/`` says exactly how):

- article level, precision and recall of the set of entities an article has: persons by
  surname in dictionary form, and recall over persons named in full at least once; places by
  the gazetteer's place or lemmas; organisations by word containment; countries by ISO code
  (with how the gold names were mapped, and how many could not be); money by value (gold that
  parses) and by span overlap; annotations that only excuse a prediction (demonyms, persons
  inside an organisation's name...) are left out of precision;
- roles: of the persons with a gold role (NEREL ``WORKS_AS``; KazNERD a ``POSITION`` next to
  the name), the share found, found with a role, and whose role's head word is the gold's;
- mention level, exact and overlapping spans, per field, when the event's entities carry
  ``mentions`` (schema version 3); "not available" before;
- throughput: ``enrich`` alone in fresh processes: its first pass (loading the gazetteer,
  morphology and language models, caches cold); a pass after warming up on the corpus's
  other split (steady state on text not seen: the figure to compare); the median of
  ``--repeat`` passes over the same text again (caches hot: an upper bound). And
  ``newswire parse`` on the documents as a dump, as a fresh command, with what it costs for
  one article (the process start) told apart (medians of ``--repeat`` runs).

Writes bench/results/enrich_real.json (figures only: no corpus text; not when ``--corpus``
selects some splits) and prints a table;
``--errors DIR`` writes the error analysis (``bench/scoring/report.py``; it quotes corpus
text, keep it out of git: bench/results/errors/ is ignored). A corpus that is absent is
skipped with its reason.

    python -m bench.enrich_real [--corpus nerel-test ...] [--errors DIR] [--repeat K] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import num, write
from bench.corpora import CORPORA, ROOT, Document, Unavailable, available, corpora_dir, load
from bench.corpora.dump import write_dump
from bench.scoring import report
from bench.scoring.article import Result, score
from bench.scoring.tally import ratio
from newswire.core.models import ArticleEvent
from newswire.enrich import enrich
from newswire_dev.corpus import unenriched

ARTICLE_KINDS = ("persons", "places", "organizations", "countries", "money", "money_span")


def selections(wanted: list[str]) -> list[tuple[str, str]]:
    if wanted:
        out = []
        for text in wanted:
            name, _, split = text.rpartition("-")
            if name not in CORPORA or split not in CORPORA[name].SPLITS:
                raise SystemExit(f"unknown corpus split {text!r}")
            out.append((name, split))
        return out
    return [(name, split) for name, corpus in CORPORA.items() for split in corpus.SPLITS]


def quality(documents: list[Document], name: str) -> Result:
    corpus = CORPORA[name]
    total = Result()
    for document in documents:
        event = enrich(unenriched(document.title, document.body))
        total += score(document, corpus, event)
    return total


def figures(result: Result, articles: int) -> dict[str, Any]:
    counts = result.counts
    article: dict[str, dict[str, Any]] = {
        kind: dict(result.tallies[kind].figures()) for kind in ARTICLE_KINDS
    }
    article["persons"]["full_name_recall"] = ratio(
        counts["persons_full_found"], counts["persons_full_gold"]
    )
    article["persons"]["full_name_gold"] = counts["persons_full_gold"]
    article["countries"]["gold_mapped"] = {
        how: counts[f"countries_mapped_{how}"] for how in ("table", "adjective", "gazetteer")
    }
    article["countries"]["gold_unmapped"] = counts["countries_unmapped"]
    roles = {
        "gold": counts["roles_gold"],
        "person_found": ratio(counts["roles_person_found"], counts["roles_gold"]),
        "role_predicted": ratio(counts["roles_predicted"], counts["roles_gold"]),
        "role_right": ratio(counts["roles_right"], counts["roles_gold"]),
        "right_when_predicted": ratio(counts["roles_right"], counts["roles_predicted"]),
    }
    mentions: dict[str, Any] | str = "not available (the events carry no mentions)"
    if result.mentions is not None:
        mentions = {
            kind: {where: tally.figures() for where, tally in by_field.items()}
            for kind, by_field in result.mentions.items()
        }
    return {
        "articles": articles,
        "article_level": article,
        "roles": roles,
        "mention_level": mentions,
    }


def time_enrich(name: str, split: str, repeat: int) -> dict[str, Any]:
    """``enrich`` alone over one corpus split, in fresh processes: its first pass (models
    loading, caches cold), a pass on this text after warming up on the corpus's other split
    (the steady state on unseen text), and ``repeat`` passes over the same text again
    (caches hot: an upper bound)."""
    other = next(s for s in CORPORA[name].SPLITS if s != split)
    cold = _run_child(f"{name}-{split}", ["--repeat", str(repeat)])
    warm = _run_child(f"{name}-{split}", ["--warm-on", other])
    return {**cold, **warm}


def _run_child(selection: str, extra: list[str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.enrich_real", "--time-child", selection, *extra]
    done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _pass(events: list[ArticleEvent]) -> float:
    start = time.perf_counter()
    for event in events:
        enrich(event)
    return time.perf_counter() - start


def _child(selection: str, repeat: int, warm_on: str | None) -> int:
    name, _, split = selection.rpartition("-")
    events = [unenriched(d.title, d.body) for d in load(name, split)]
    count = len(events)
    if warm_on is not None:
        _pass([unenriched(d.title, d.body) for d in load(name, warm_on)])
        seconds = _pass(events)
        print(json.dumps({
            "warmed_on": f"{name}-{warm_on}",
            "warm_unseen_seconds": round(seconds, 3),
            "warm_unseen_articles_per_s": round(count / seconds, 1),
        }))  # fmt: skip
        return 0
    first = _pass(events)
    again = [_pass(events) for _ in range(repeat)]
    median = statistics.median(again) if again else None
    print(json.dumps({
        "articles": count,
        "body_mb": round(sum(len(e.body.encode()) for e in events) / 1e6, 3),
        "first_pass_seconds": round(first, 3),
        "first_pass_articles_per_s": round(count / first, 1),
        "repeat_median_seconds": None if median is None else round(median, 3),
        "repeat_articles_per_s": None if median is None else round(count / median, 1),
    }))  # fmt: skip
    return 0


def _command_seconds(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newswire", "parse", str(path)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def time_parse(documents: list[Document], repeat: int) -> dict[str, Any]:
    """``newswire parse`` over the documents as a dump, as a fresh command; and over the first
    document alone, so that what the process start costs (interpreter, imports, models) is
    told from the rate after it. Medians of ``repeat`` runs of each, alternately."""
    with tempfile.TemporaryDirectory() as tmp:  # outside the repository: it holds corpus text
        path, one = Path(tmp) / "corpus-dump.txt", Path(tmp) / "one-article.txt"
        count = write_dump(documents, path, ROOT)
        write_dump(documents[:1], one, ROOT)
        runs = [(_command_seconds(path), _command_seconds(one)) for _ in range(max(repeat, 1))]
    seconds = statistics.median(r[0] for r in runs)
    startup = statistics.median(r[1] for r in runs)
    rest = seconds - startup
    return {
        "articles": count,
        "command_seconds": round(seconds, 3),
        "command_articles_per_s": round(count / seconds, 1),
        "one_article_command_seconds": round(startup, 3),
        "after_startup_articles_per_s": round((count - 1) / rest, 1) if rest > 0 else None,
    }


def _pr(figure: dict[str, Any]) -> str:
    return f"{num(figure.get('precision'))}/{num(figure.get('recall'))}"


def _mentions(split: dict[str, Any]) -> str:
    """Persons in the body, overlap precision/recall, when the events carry mentions."""
    level = split["mention_level"]
    if isinstance(level, str):
        return "n/a"
    body = level["persons"]["body"]
    return f"{num(body['overlap_precision'])}/{num(body['overlap_recall'])}"


def table(results: dict[str, dict[str, Any]]) -> str:
    """One row a corpus split: article-level P/R of each kind, full-name recall of persons,
    roles right, persons' mention-level P/R (overlap, body), articles/s of ``enrich`` (first
    pass in a fresh process | warm, on unseen text) and of ``newswire parse`` (the whole
    command | after its start)."""
    head = ("corpus", "docs", "persons", "full R", "places", "orgs", "countries", "money",
            "roles", "mentions", "enrich/s cold|warm", "parse/s all|after start")  # fmt: skip
    rows = [head]
    for name, split in results.items():
        a = split["article_level"]
        speed = split.get("speed", {})
        cold = speed.get("enrich", {}).get("first_pass_articles_per_s") or "-"
        warm = speed.get("enrich", {}).get("warm_unseen_articles_per_s") or "-"
        parse = speed.get("parse", {})
        whole = parse.get("command_articles_per_s") or "-"
        after_start = parse.get("after_startup_articles_per_s") or "-"
        rows.append((
            name,
            str(split["articles"]),
            _pr(a["persons"]),
            num(a["persons"]["full_name_recall"]),
            _pr(a["places"]),
            _pr(a["organizations"]),
            _pr(a["countries"]),
            _pr(a["money"]),
            num(split["roles"]["role_right"]),
            _mentions(split),
            f"{cold}|{warm}",
            f"{whole}|{after_start}",
        ))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    )


def _kind_figures(split: dict[str, Any]) -> dict[str, str]:
    """One line of figures above each kind's error file."""
    a = split["article_level"]
    out = {}
    for kind in ("persons", "places", "organizations", "countries", "money"):
        f = a[kind]
        out[kind] = (
            f"Precision {f['precision']}, recall {f['recall']}: {f['found']} of {f['gold']} gold "
            f"found; {f['wrong']} of {f['predicted']} predicted wrong ({f['excused']} excused)."
        )
    r = split["roles"]
    out["roles"] = (
        f"{r['gold']} persons with a gold role; role right for a share of {r['role_right']}."
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME-SPLIT",
                        help="nerel-test, kaznerd-dev, ... (repeatable; default: all)")  # fmt: skip
    parser.add_argument("--errors", type=Path, metavar="DIR", help="write the error analysis here")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each kind (default 3)")
    parser.add_argument("--no-speed", action="store_true", help="quality only, no timing")
    parser.add_argument("--time-child", metavar="NAME-SPLIT", help=argparse.SUPPRESS)
    parser.add_argument("--warm-on", metavar="SPLIT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_child:
        return _child(args.time_child, args.repeat, args.warm_on)
    results: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    errors: dict[str, list[Any]] = {}
    for name, split in selections(args.corpus):
        label = f"{name}-{split}"
        try:
            documents = load(name, split)
        except Unavailable as exc:
            skipped[label] = str(exc)
            print(f"skipped {label}: {exc}", file=sys.stderr)
            continue
        result = quality(documents, name)
        results[label] = {"language": CORPORA[name].LANGUAGE, **figures(result, len(documents))}
        errors[label] = result.errors
        if not args.no_speed:
            results[label]["speed"] = {
                "enrich": time_enrich(name, split, args.repeat),
                "parse": time_parse(documents, args.repeat),
            }
        print(f"{label}: {len(documents)} articles scored", file=sys.stderr)
    if args.errors is not None and results:
        for label, found in errors.items():
            report.write(args.errors, label, found, _kind_figures(results[label]))
        print(f"errors written to {report.index(args.errors, errors)}", file=sys.stderr)
    print(table(results) if results else "no corpus could be read")
    for label, reason in skipped.items():
        print(f"{label}: skipped: {reason}")
    sources = {}
    for name, corpus in CORPORA.items():
        commit = corpus.path(corpora_dir()) / "SOURCE_COMMIT"
        if available(corpus) is None and commit.is_file():
            sources[name] = commit.read_text(encoding="utf-8").strip()
    if results and not args.corpus:  # a selection never overwrites the full figures
        figures_only = {"corpora": results, "skipped": skipped, "source_commits": sources}
        write("enrich_real.json", figures_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
