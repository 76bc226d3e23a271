"""The error report for the people who improve extraction (``enrich_real --errors DIR``).

For every corpus split, ``DIR/<corpus>-<split>/<kind>.md``: the missed (false negatives) and
wrong (false positives) entities of that kind at the article level, counted by class (what
kind of error: ``article.py`` lists them), then, class by class, grouped by the key they were
compared by, most frequent first, with the surfaces seen and a few contexts (the span in
[[ ]]). ``errors.tsv`` beside them holds every error one a line, for sorting and grepping.
``DIR/README.md`` is the index: error counts by corpus, kind and class.

The files quote corpus text: DIR belongs outside version control (``bench/results/errors/``
is in ``.gitignore``).
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

from bench.scoring.tally import Error

KIND_ORDER = ("persons", "places", "organizations", "countries", "money", "roles")
SIDES = {"fn": "missed", "fp": "wrong"}
CONTEXTS_PER_GROUP = 3


def _classes(errors: list[Error]) -> list[tuple[str, str, int]]:
    counted = Counter((e.side, e.cls) for e in errors)
    return sorted(((s, c, n) for (s, c), n in counted.items()), key=lambda t: (t[0], -t[2], t[1]))


def kind_markdown(title: str, kind: str, errors: list[Error], figures: str) -> str:
    lines = [f"# {title}: {kind}, errors at the article level", "", figures, ""]
    lines += ["| side | class | errors |", "| --- | --- | ---: |"]
    lines += [f"| {SIDES[s]} | {c} | {n} |" for s, c, n in _classes(errors)]
    for side, cls, count in _classes(errors):
        lines += ["", f"## {SIDES[side]}: {cls} ({count})", ""]
        groups: dict[str, list[Error]] = defaultdict(list)
        for error in errors:
            if (error.side, error.cls) == (side, cls):
                groups[error.key].append(error)
        for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            surfaces = Counter(e.surface for e in members)
            shown = ", ".join(
                f"{s}" + (f" ×{n}" if n > 1 else "") for s, n in surfaces.most_common(6)
            )
            documents = len({e.document for e in members})
            lines.append(f"- **{key}** ×{len(members)} in {documents} articles: {shown}")
            for error in members[:CONTEXTS_PER_GROUP]:
                where = f"{error.field} {error.start}" if error.field else "not located"
                note = f"; {error.note}" if error.note else ""
                lines.append(f"  - {error.document} ({where}{note}): {error.context}")
    return "\n".join(lines) + "\n"


def write(directory: Path, name: str, errors: list[Error], figures: dict[str, str]) -> Path:
    """Write one corpus split's error files under ``directory/name``."""
    folder = directory / name
    folder.mkdir(parents=True, exist_ok=True)
    by_kind: dict[str, list[Error]] = defaultdict(list)
    for error in errors:
        by_kind[error.kind].append(error)
    for kind in KIND_ORDER:
        text = kind_markdown(name, kind, by_kind.get(kind, []), figures.get(kind, ""))
        (folder / f"{kind}.md").write_text(text, encoding="utf-8")
    with (folder / "errors.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(
            ["kind", "side", "class", "key", "surface", "document", "field", "start", "end",
             "note", "context"]
        )  # fmt: skip
        for e in errors:
            writer.writerow(
                [e.kind, e.side, e.cls, e.key, e.surface, e.document, e.field or "", e.start,
                 e.end, e.note, e.context]
            )  # fmt: skip
    return folder


def index(directory: Path, splits: dict[str, list[Error]]) -> Path:
    """``directory/README.md``: error counts by corpus split, kind and class."""
    lines = [
        "# Enrichment errors on annotated corpora (bench.enrich_real --errors)",
        "",
        "Counts of article-level errors by class; each corpus split's folder has one file a",
        "kind with the errors grouped and in context. Classes: bench/scoring/article.py.",
        "",
    ]
    for name, errors in splits.items():
        lines += [
            f"## {name}",
            "",
            "| kind | side | class | errors |",
            "| --- | --- | --- | ---: |",
        ]
        for kind in KIND_ORDER:
            mine = [e for e in errors if e.kind == kind]
            lines += [f"| {kind} | {SIDES[s]} | {c} | {n} |" for s, c, n in _classes(mine)]
        lines.append("")
    path = directory / "README.md"
    directory.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
