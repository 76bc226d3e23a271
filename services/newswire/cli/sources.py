"""Source ids of the files given on the command line: what events carry as ``source.id``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path, PurePath

STDIN = "-"


def default_source_id(path: str | Path) -> str:
    """The file's name, never its path: events must not carry the producer's directory layout
    (home directories, mount points). ``-`` is stdin."""
    text = str(path)
    if text == STDIN:
        return "stdin"
    return PurePath(text).name or text


def source_ids(paths: Sequence[str | Path]) -> list[str]:
    """Default source ids of several files, in order. The same name twice (a/x.txt, b/x.txt,
    or one file given twice) is two sources, ``x.txt`` and ``x.txt#2``, not a replay of one."""
    seen: Counter[str] = Counter()
    ids = []
    for path in paths:
        source_id = default_source_id(path)
        seen[source_id] += 1
        ids.append(source_id if seen[source_id] == 1 else f"{source_id}#{seen[source_id]}")
    return ids
