"""Quotations with their speakers.

Two shapes: an intact quote (``X said that "..."`` or ``"...," X said``), and the scraped
shape whose opening quotation mark was lost (``We highly appreciate ... Central Asia,"
Hidehiko Yuzaki said.``): a paragraph with a closing mark followed by a speaker and a speech
verb, and no opening mark before it, is a quote from the paragraph's start.
"""

from __future__ import annotations

import re

from newswire.core.models import Person, Quote
from newswire.enrich.lexicon import SPEECH_VERBS
from newswire.enrich.people import resolve

_VERBS = "|".join(sorted(SPEECH_VERBS))
_SPEAKER = r"(?P<speaker>(?:[A-Z][\w’'\-]+ ){0,3}[A-Z][\w’'\-]+|[Hh]e|[Ss]he)"
_CLOSE_THEN_SPEAKER = re.compile(rf"[,.!?][\"”»] {_SPEAKER} (?:{_VERBS})\b")
_SPEAKER_THEN_OPEN = re.compile(
    rf"{_SPEAKER} (?:{_VERBS})(?: that)?[,:]? [\"“«](?P<text>[^\"”“«»]{{8,2000}})[\"”»]"
)
_OPEN = re.compile(r"[\"“«]")
_MIN_QUOTE_CHARS = 8


def _speaker(raw: str, people: list[Person], last_person: str | None) -> str | None:
    if raw.lower() in ("he", "she"):
        return last_person
    return resolve(raw, people)


def quotes(paragraphs: list[str], people: list[Person]) -> list[Quote]:
    found: list[Quote] = []
    last_person: str | None = None
    for paragraph in paragraphs:
        for match in _SPEAKER_THEN_OPEN.finditer(paragraph):
            speaker = _speaker(match.group("speaker"), people, last_person)
            found.append(Quote(text=match.group("text").strip(), speaker=speaker))
        # The last opening mark before each match, found by one scan of the paragraph (a
        # rescan from its start for every match would cost quadratic time on a long line).
        opening_end, scanned = 0, 0
        for match in _CLOSE_THEN_SPEAKER.finditer(paragraph):
            for candidate in _OPEN.finditer(paragraph, scanned, match.start()):
                opening_end = candidate.end()
            scanned = max(scanned, match.start())
            start = opening_end
            text = paragraph[start : match.start() + 1].strip(" ,")
            if len(text) >= _MIN_QUOTE_CHARS:
                speaker = _speaker(match.group("speaker"), people, last_person)
                found.append(Quote(text=text, speaker=speaker))
        for person in people:
            if person.name in paragraph or person.name.split()[-1] in paragraph:
                last_person = person.name
    return found
