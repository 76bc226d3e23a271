"""Quotations with their speakers.

Two shapes: an intact quote (``X said that "..."`` or ``"...," X said``), and the scraped
shape whose opening quotation mark was lost (``We highly appreciate ... Central Asia,"
Hidehiko Yuzaki said.``): a paragraph with a closing mark followed by a speaker and a speech
verb, and no opening mark before it, is a quote from the paragraph's start.

Russian and Kazakh attribute by a dash clause after the quote, with or without its marks:
``Мы заинтересованы в ...», – отметил Касым-Жомарт Токаев.``, ``Китай остается ..., –
подчеркнул Олжас Бектенов.``, ``Біз ... керек», – деді Қазақстанның көлік министрі Нұрлан
Сауранбаев.``: the speaker is the name (capitalised words) that ends the clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from newswire.core.models import Person, Quote
from newswire.enrich.document import PERSONS, QUOTES, Document, Findings
from newswire.enrich.lexicon import KK_SPEECH_VERBS, RU_SPEECH_VERBS, SPEECH_VERBS
from newswire.enrich.people import resolve

_VERBS = "|".join(sorted(SPEECH_VERBS))
_SPEAKER = r"(?P<speaker>(?:[A-Z][\w’'\-]+ ){0,3}[A-Z][\w’'\-]+|[Hh]e|[Ss]he)"
_CLOSE_THEN_SPEAKER = re.compile(rf"[,.!?][\"”»] {_SPEAKER} (?:{_VERBS})\b")
_SPEAKER_THEN_OPEN = re.compile(
    rf"{_SPEAKER} (?:{_VERBS})(?: that)?[,:]? [\"“«](?P<text>[^\"”“«»]{{8,2000}})[\"”»]"
)
# What every match of _SPEAKER_THEN_OPEN holds: a cheap test before the costly pattern.
_VERB_THEN_OPEN = re.compile(rf" (?:{_VERBS})(?: that)?[,:]? [\"“«]")
_OPEN = re.compile(r"[\"“«]")
_OPENING_MARKS = '"“«'  # the characters of _OPEN: a quote after a speech verb opens with one
_CLOSING_MARKS = '"”»'  # one of these closes the quote before "..., X said"
_CYRILLIC_VERBS = "|".join(sorted(RU_SPEECH_VERBS | set(KK_SPEECH_VERBS), key=len, reverse=True))
# Starts at the dash (what closes the quote before it is stripped from the text): a pattern
# that opens with optional characters would be tried at every position of English text too.
_DASH_CLAUSE = re.compile(
    rf" [–—-] (?:деп )?(?:{_CYRILLIC_VERBS}) (?P<speaker>[^.!?«»\"]{{2,150}})"
)
_DASHES = ("–", "—", " - ")
_MAX_SPEAKER_WORDS = 3
_CYRILLIC_PRONOUNS = frozenset(("он", "она", "ол"))
_MIN_QUOTE_CHARS = 8


def _speaker(raw: str, people: list[Person], last_person: str | None) -> str | None:
    if raw.lower() in ("he", "she"):
        return last_person
    return resolve(raw, people)


def _dash_speaker(clause: str, people: list[Person], last_person: str | None) -> str | None:
    """The name that ends a dash clause ("Қазақстанның көлік министрі Нұрлан Сауранбаев"),
    or the person last named for a pronoun ("», – отметил он.")."""
    words = clause.split()
    if words and words[0].lower() in _CYRILLIC_PRONOUNS:
        return last_person
    name: list[str] = []
    while words and words[-1][:1].isupper() and len(name) < _MAX_SPEAKER_WORDS:
        name.insert(0, words.pop())
    if not name:
        return None
    speaker = resolve(" ".join(name), people)
    # One capitalised word that is nobody's name is a title ("– заявил Эмир."), not a speaker.
    return None if len(name) == 1 and speaker == name[0] else speaker


def _has_any(paragraph: str, needles: Iterable[str]) -> bool:
    return any(map(paragraph.__contains__, needles))  # no generator: cheaper


def quotes(paragraphs: list[str], people: list[Person]) -> list[Quote]:
    found: list[Quote] = []
    # Each shape needs its marks or dashes: a shape the article lacks is tested in none of its
    # paragraphs, and an article with none of them is not read further ("\n" joins no two
    # paragraphs into a " - ").
    text = "\n".join(paragraphs)
    opening = _has_any(text, _OPENING_MARKS)
    closing = _has_any(text, _CLOSING_MARKS)
    dashes = _has_any(text, _DASHES)
    if not (opening or closing or dashes):
        return found
    last_person: str | None = None
    # A pronoun speaks for the person named last: the last of ``people`` a paragraph names
    # (in full or by surname: a paragraph with the full name has the surname).
    names = [(person.name, person.name.split()[-1]) for person in reversed(people)]
    for paragraph in paragraphs:
        # Most paragraphs have no marks and are not scanned (the speaker-first pattern is
        # tried at every capital letter of the ones that have).
        if opening and _has_any(paragraph, _OPENING_MARKS) and _VERB_THEN_OPEN.search(paragraph):
            for match in _SPEAKER_THEN_OPEN.finditer(paragraph):
                speaker = _speaker(match.group("speaker"), people, last_person)
                found.append(Quote(text=match.group("text").strip(), speaker=speaker))
        if closing and _has_any(paragraph, _CLOSING_MARKS):
            found.extend(_closed_quotes(paragraph, people, last_person))
        if dashes and _has_any(paragraph, _DASHES):
            found.extend(_dash_quotes(paragraph, people, last_person))
        for name, surname in names:
            if surname in paragraph:
                last_person = name
                break
    return found


def _after_openings(
    pattern: re.Pattern[str], paragraph: str
) -> Iterator[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` with the end of the last opening mark before it (0 if none),
    found by one scan of the paragraph: a rescan from its start for every match would cost
    quadratic time on a long line."""
    opening_end, scanned = 0, 0
    for match in pattern.finditer(paragraph):
        for candidate in _OPEN.finditer(paragraph, scanned, match.start()):
            opening_end = candidate.end()
        scanned = max(scanned, match.start())
        yield opening_end, match


def _closed_quotes(paragraph: str, people: list[Person], last_person: str | None) -> list[Quote]:
    """``"...," X said`` and the scraped shape that lost its opening mark."""
    found: list[Quote] = []
    for opening_end, match in _after_openings(_CLOSE_THEN_SPEAKER, paragraph):
        text = paragraph[opening_end : match.start() + 1].strip(" ,")
        if len(text) >= _MIN_QUOTE_CHARS:
            speaker = _speaker(match.group("speaker"), people, last_person)
            found.append(Quote(text=text, speaker=speaker))
    return found


def _dash_quotes(paragraph: str, people: list[Person], last_person: str | None) -> list[Quote]:
    """Russian and Kazakh quotes closed by a dash clause naming the speaker."""
    found: list[Quote] = []
    for opening_end, match in _after_openings(_DASH_CLAUSE, paragraph):
        text = paragraph[opening_end : match.start()].strip(' ,«»"”')
        if len(text) >= _MIN_QUOTE_CHARS:
            found.append(
                Quote(text=text, speaker=_dash_speaker(match.group("speaker"), people, last_person))
            )
    return found


def extract(doc: Document) -> Findings:
    """Quotes of the body, their speakers resolved against the people found before, each
    with where its words are."""
    found = quotes(doc.paragraphs[1:], doc.get(PERSONS))  # not the title
    placed: list[Quote] = []
    after: dict[str, int] = {}  # a quote's text: where its last copy was found
    for quote in found:
        start = doc.text.find(quote.text, after.get(quote.text, doc.body_start))
        if start < 0:  # never: a quote's text is a slice of its paragraph
            placed.append(quote)
            continue
        after[quote.text] = start + 1
        mention = doc.mention(start, start + len(quote.text))
        placed.append(quote.model_copy(update={"mentions": [mention]}))
    return Findings().found(QUOTES, placed)
