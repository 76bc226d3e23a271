"""Where in a document a predicted entity stands, for error classes and context.

Events carry no offsets yet (schema version 3 adds ``mentions``; ``mentions_of`` reads them
when they are there). Until then a predicted name is looked for in the body: verbatim, else by
the stems of its words (a Russian name the extractor put in the nominative, ``Обама`` for
``Обамы``); a predicted place, whose name is the gazetteer's canonical one (``Washington``
for ``Вашингтоне``), by the place key of the body's capitalised phrases.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Any

from bench.corpora import Document, Field
from bench.scoring.gold import place_key
from bench.scoring.keys import words

Occurrence = tuple[Field, int, int]
FIELDS: tuple[Field, ...] = ("title", "body")
_MAX_PLACE_WORDS = 3
_CAPITALISED = re.compile(r"[^\W\d_][\w'’.-]*")


def mentions_of(entity: object) -> list[Occurrence] | None:
    """The entity's mentions (field, start, end) when the event carries them, else None
    (an entity made without any, as in older events, is located by searching the text)."""
    found = getattr(entity, "mentions", None)
    if not found:
        return None
    return [(_get(m, "field"), int(_get(m, "start")), int(_get(m, "end"))) for m in found]


def mention_texts(entity: object) -> list[str]:
    """The surface forms of the entity's mentions (none for an entity made without)."""
    return [str(_get(m, "text")) for m in getattr(entity, "mentions", None) or ()]


def _get(mention: Any, name: str) -> Any:
    return mention[name] if isinstance(mention, dict) else getattr(mention, name)


def _stem(word: str) -> str:
    keep = max(3, len(word) - 2) if len(word) > 4 else len(word)
    return word[:keep]


def locate(document: Document, name: str) -> list[Occurrence]:
    """Where ``name`` occurs in the document's title and body: verbatim, else by stems."""
    out: list[Occurrence] = []
    for field in FIELDS:
        text = document.text(field)
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)] if name else []
        if not spans:
            parts = [re.escape(_stem(w)) + r"\w*" for w in words(name)]
            if parts:
                pattern = r"(?<!\w)" + r"\W+".join(parts)
                spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        out += [(field, a, b) for a, b in spans]
    return out


def place_occurrences(document: Document) -> dict[str, list[Occurrence]]:
    """Place key -> where a capitalised phrase of up to three words resolves to it."""
    return _place_occurrences(document.title, document.body, document.language)


@lru_cache(maxsize=8)
def _place_occurrences(title: str, body: str, language: str) -> dict[str, list[Occurrence]]:
    out: dict[str, list[Occurrence]] = {}
    for field in FIELDS:
        text = title if field == "title" else body
        found = [m for m in _CAPITALISED.finditer(text) if m.group()[:1].isupper()]
        for i in range(len(found)):
            for size in range(_MAX_PLACE_WORDS, 0, -1):
                group = found[i : i + size]
                if len(group) < size or _gap(text, group):
                    continue
                start, end = group[0].start(), group[-1].end()
                info = place_key(text[start:end], language)
                if info.in_gazetteer:
                    out.setdefault(info.key, []).append((field, start, end))
                    break
    return out


def _gap(text: str, group: list[re.Match[str]]) -> bool:
    """The capitalised words are not one phrase (more than a space or hyphen between)."""
    return any(text[a.end() : b.start()] not in (" ", "-") for a, b in pairwise(group))
