"""The source an article credits, from its opening: ``..., primeminister.kz reports.``,
``Kazinform News Agency learnt from the Akorda press service``, ``ARMENPRESS reports``; in
Russian ``, сообщает пресс-служба Акорды.``, ``, передает Kazinform со ссылкой на ...`` (the
publisher is Kazinform), in Kazakh ``, деп хабарлайды ҚазАқпарат.``. The source is reported
as written, and a known publisher also by one canonical name in every language."""

from __future__ import annotations

import re

from newswire.enrich.document import ATTRIBUTION, PUBLISHER, Document, Findings

_LEARNT = re.compile(r"(?:^|[,.] )(?P<source>[A-Z][\w.\-’' ]{1,60}?) (?:learnt|learned) from\b")
_REPORTS = re.compile(
    r"(?:^|, |\. )(?:the )?(?P<source>[\w][\w.\-’' ]{1,80}?) (?:reports|reported|informs|writes)"
    r"(?:\.|,|$| that)"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?:the )?(?P<source>[A-Z][\w.\-’' ]{1,60}?)[,.]")
# A clause ending a sentence: its last "." is followed by a space or the paragraph's end
# (so "primeminister.kz." keeps its domain).
_RU_REPORTS = re.compile(
    r"[,.] (?:сообщает|сообщают|передает|передаёт|пишет|информирует) "
    r"(?P<source>[^,;]{2,80}?)(?: со ссылкой на [^;]{2,120}?)?\.(?:\s|$)"
)
# "Об этом сообщает пресс-служба Акорды.", ", сообщили в пресс-службе МИД РК."
_RU_THIS = re.compile(
    r"(?:^|[.] )Об этом (?:сообщает|сообщили|передает|передаёт|пишет) (?:в )?"
    r"(?P<source>[^,;]{2,80}?)\.(?:\s|$)"
)
_RU_TOLD_IN = re.compile(r", (?:сообщили|рассказали) в (?P<source>[^,;]{2,80}?)\.(?:\s|$)")
_RU_AS = re.compile(r"(?:^|[.] )Как (?:сообщает|передает|передаёт|пишет) (?P<source>[^,;]{2,80}),")
_KK_REPORTS = re.compile(
    r", деп (?:хабарлайды|хабарлады|жазады|жазды|мәлімдейді) (?P<source>[^,;]{2,80}?)\.(?:\s|$)"
)
_OPENING_PARAGRAPHS = 2
# Known publishers: their names in English, Russian and Kazakh, lower case, and the canonical
# name consumers group by. The first that the source mentions wins ("Kazinform ... Akorda"
# never gets here: the source is the agency, the rest is what it cites).
PUBLISHERS = (
    ("Kazinform", ("kazinform", "казинформ", "қазақпарат", "казахпарат")),
    ("Akorda", ("akorda", "акорд", "ақорда")),
    ("Kazakh MFA", ("kazakh mfa", "мид рк", "мид казахстана", "сім", "mfa of kazakhstan")),
    ("primeminister.kz", ("primeminister.kz", "премьер-министра рк", "үкімет")),
)


def publisher(source: str | None) -> str | None:
    """The canonical name of a known publisher the source names, else None."""
    if source is None:
        return None
    lower = source.lower()
    for name, spellings in PUBLISHERS:
        if any(spelling in lower for spelling in spellings):
            return name
    return None


def attribution(paragraphs: list[str]) -> str | None:
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        for pattern in (_LEARNT, _REPORTS, _RU_REPORTS, _KK_REPORTS, _RU_TOLD_IN, _RU_THIS, _RU_AS):
            matches = list(pattern.finditer(paragraph))
            if matches:
                return matches[-1].group("source").strip()
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        match = _ACCORDING.search(paragraph)
        if match:
            return match.group("source").strip()
    return None


def extract(doc: Document) -> Findings:
    """The credited source and its publisher's canonical name."""
    source = attribution(doc.paragraphs[1:])  # the body's opening, not the title
    return Findings().found(ATTRIBUTION, source).found(PUBLISHER, publisher(source))
