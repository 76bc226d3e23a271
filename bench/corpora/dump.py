"""Corpus documents as a dump in the project's format, to time ``newswire parse`` on text the
extractors were not tuned on (``../shared/docs/dump-format.md``).

Each document is a header line ``DD.MM.YYYY, HH:MM VIEWS``, its title, then its body's lines
(paragraphs). Timestamps are distinct and plausible: from Monday 6 January 2025, 08:00, every
``STEP`` minutes (about 25 a day, through the year for a few thousand documents), view counts
spread between 100 and 9,099. ``newswire parse`` gives back each document's title and body
exactly (the body's lines are stripped and non-empty already), so gold offsets hold for the
events it writes. The file holds corpus text: it is written outside the repository only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path

from bench.corpora.model import Document
from newswire.core.parse import parse_header

START = datetime(2025, 1, 6, 8, 0)  # noqa: DTZ001 - a dump's times are local wall-clock times
STEP = timedelta(minutes=57)
_VIEWS_SPREAD = 9_000


class DumpError(ValueError):
    """A document cannot be written as a dump article (a line would read as a header)."""


def header(index: int) -> str:
    when = START + index * STEP
    views = 100 + (index * 7_919) % _VIEWS_SPREAD
    return f"{when:%d.%m.%Y, %H:%M} {views}"


def dump_text(documents: Iterable[Document]) -> str:
    lines: list[str] = []
    for index, document in enumerate(documents):
        title = document.title.strip()
        if not title or "\n" in title:
            raise DumpError(f"{document.name}: the title must be one non-empty line")
        body = document.body.split("\n") if document.body else []
        for line in [title, *body]:
            if parse_header(line) is not None:
                raise DumpError(f"{document.name}: a line reads as a dump header: {line!r}")
        lines += [header(index), title, *body]
    return "".join(line + "\n" for line in lines)


def inside(path: Path, root: Path) -> bool:
    resolved = path.resolve()
    return resolved == root.resolve() or root.resolve() in resolved.parents


def write_dump(documents: Iterable[Document], out: Path, root: Path) -> int:
    """Write the dump to ``out`` (never inside ``root``, the repository); the article count."""
    if inside(out, root):
        raise DumpError(f"{out} is inside the repository: a dump holds corpus text")
    documents = list(documents)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dump_text(documents), encoding="utf-8")
    return len(documents)
