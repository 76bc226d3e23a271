"""The source an article credits, from its opening: ``..., primeminister.kz reports.``,
``Kazinform News Agency learnt from the Akorda press service``, ``ARMENPRESS reports``."""

from __future__ import annotations

import re

_LEARNT = re.compile(r"(?:^|[,.] )(?P<source>[A-Z][\w.\-’' ]{1,60}?) (?:learnt|learned) from\b")
_REPORTS = re.compile(
    r"(?:^|, |\. )(?:the )?(?P<source>[\w][\w.\-’' ]{1,80}?) (?:reports|reported|informs|writes)"
    r"(?:\.|,|$| that)"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the )?(?P<source>[A-Z][\w.\-’' ]{1,60}?)[,.]")
_OPENING_PARAGRAPHS = 2


def attribution(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        for pattern in (_LEARNT, _REPORTS):
            matches = list(pattern.finditer(paragraph))
            if matches:
                return matches[-1].group("source").strip()
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        match = _ACCORDING.search(paragraph)
        if match:
            return match.group("source").strip()
    return None
