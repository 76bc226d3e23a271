"""Quotations with their speakers, each with where its words are in the body.

English, two shapes: an intact quote (``X said that "..."`` or ``"...," X said``), and the
scraped shape whose opening quotation mark was lost (``We highly appreciate ... Central
Asia," Hidehiko Yuzaki said.``): a paragraph with a closing mark followed by a speaker and a
speech verb, and no opening mark before it, is a quote from the paragraph's start.

Russian and Kazakh reported speech (``speech.py`` holds their words):

- a dash clause after the quote, with or without its marks, the quote running back to the
  last opening mark of the paragraph (several sentences, often): ``«Мы ...», – отметил Касым-
  Жомарт Токаев.``, ``Біз ... керек», – деді ... министрі Нұрлан Сауранбаев.``; the speaker is
  the name right after the verb and any role words before it (``— заявил министр ... Сергей
  Лавров``), never a name behind a preposition (``— заявил музыкант в ходе брифинга с
  Соной Ованнисян``: nobody is named);
- the speaker first: ``X заявил, что ...`` (the quote is the clause after ``что``), ``X
  сказал: «...»``; the speaker is the name ending at most three words before the verb;
- ``По словам X, ...``, ``По мнению X, ...``, ``Как заявил X, ...``; Kazakh ``X-тың
  сөзінше, ...``: the quote is the rest of the sentence;
- Kazakh, the verb last: ``X ... деп атап өтті.``, ``X ... екенін айтты.``: the speaker is
  the name that opens the sentence (or follows the verb), the quote what stands before
  ``деп``/``екенін``.

A speaker resolves to one of the article's persons: the person whose mention the speaker's
words are (any case: ``по словам Пескова`` is ``Дмитрий Песков``), else the person of the
same surname; a pronoun (``он``, ``ол``, ``he``) is the person named last before it. A name
that is nobody's found stays in its dictionary form (``по словам Сергея Лаврова`` ->
``Сергей Лавров``) when it looks like a name; else there is no speaker (``— заявил Эмир``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from newswire.core.models import Person, Quote
from newswire.enrich import kazakh, russian
from newswire.enrich.document import PERSONS, QUOTES, Document, Findings
from newswire.enrich.lexicon import KK_NOT_NAMES, SPEECH_VERBS
from newswire.enrich.speech import (
    ACCORDING_TO,
    KK_ACCORDING_TO,
    KK_CLAUSE_ENDS,
    KK_MARK_VERBS,
    KK_SO,
    KK_SURNAME_ENDINGS,
    KK_VERB_LAST,
    PREPOSITIONS,
    PRONOUNS,
    RU_GERUNDS,
    RU_NO_SPEAKER_VERBS,
    RU_SPEAKER_FIRST_VERBS,
    SURNAME_ENDINGS,
    dash_verbs,
)

_VERBS = "|".join(sorted(SPEECH_VERBS))
_SPEAKER = r"(?P<speaker>(?:[A-Z][\w’'\-]+ ){0,3}[A-Z][\w’'\-]+|[Hh]e|[Ss]he)"
_CLOSE_THEN_SPEAKER = re.compile(rf"[,.!?][\"”»] {_SPEAKER} (?:{_VERBS})\b")
_SPEAKER_THEN_OPEN = re.compile(
    rf"{_SPEAKER} (?:{_VERBS})(?: that)?[,:]? [\"“«](?P<text>[^\"”“«»]{{8,2000}})[\"”»]"
)
# What every match of _SPEAKER_THEN_OPEN holds: a cheap test before the costly pattern.
_VERB_THEN_OPEN = re.compile(rf" (?:{_VERBS})(?: that)?[,:]? [\"“«]")
_MARKS = re.compile(r"[«»“”\"]")
_BEFORE_CLAUSE = " \u00a0,.!?"  # between a closing mark and the dash clause after it
_OPENING_MARKS = '"“«'  # the characters of _OPEN: a quote after a speech verb opens with one
_CLOSING_MARKS = '"”»'  # one of these closes the quote before "..., X said"
_SPACE = "[ \u00a0]"  # Russian news puts a no-break space before a dash
# Starts at the dash (what closes the quote before it is stripped from the text): a pattern
# that opens with optional characters would be tried at every position of English text too.
_DASH_CLAUSE = re.compile(
    rf"{_SPACE}[–—-]{_SPACE}(?:деп )?(?P<verb>{dash_verbs()})(?![\w-])"
    rf"(?:{_SPACE}(?P<speaker>[^.!?«»\"\n]{{2,150}}))?"
)
_DASHES = ("–", "—", " - ", "\u00a0-")
# "X заявил в понедельник, что ...", "X сказал: «...»", "Анна говорит:" ending a paragraph:
# found from what follows the verb (rare), then the verb among the seven words before it (a
# pattern opening with a hundred verbs would try them at every letter of Russian text).
_THAT_OR_COLON = re.compile(rf",{_SPACE}что{_SPACE}|:{_SPACE}*(?=[«“\"])|:[ \u00a0]*$")
_WORD_BEFORE = re.compile(r"[^\s.!?:;«»]+")
_WORDS_FROM_VERB = 7  # the verb and at most six words after it
_RESUME = re.compile(rf",{_SPACE}[–—-]{_SPACE}")  # "..., — говорит X, — ...": the quote goes on
_COLON_QUOTE = re.compile(rf":{_SPACE}?[«“\"]")
_CLOSE = re.compile(r"[»”\"]")
# An agency credited at the end of a sentence is not what was said: ", передает ТАСС".
_CREDIT = re.compile(r",[ \u00a0](?:передает|передаёт|сообщает|пишет|informs)[ \u00a0]")
_ACCORDING = re.compile(
    rf"(?<![\w-])(?P<how>{'|'.join(ACCORDING_TO)}){_SPACE}(?P<speaker>[^,.!?«»:;\n]{{2,120}}),"
    rf"{_SPACE}(?P<text>[^\n]+?)(?=[.!?…](?:{_SPACE}|$)|$)",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"((?:[A-ZА-ЯЁ][\w-]+[ \u00a0]){0,2}[A-ZА-ЯЁ][\w-]+),[ \u00a0]")
_ACCORDING_STEMS = ("словам", "мнению", "ак ")
# "X-тың сөзінше, ...": found from the word after the name (a pattern opening with the
# name's words would be tried at every letter).
_KK_ACCORDING = re.compile(
    rf"(?:{'|'.join(KK_ACCORDING_TO)}),{_SPACE}(?P<text>[^\n]+?)(?=[.!?…](?:{_SPACE}|$)|$)"
)
_KK_SPEAKER_WORDS = 4  # the name and the role words before "сөзінше"
# "X ... деп атап өтті.", and a quote's closing mark right before the verb ("«...» деді.").
_KK_VERB_LAST = re.compile(
    rf"{_SPACE}(?:(?:{'|'.join(KK_CLAUSE_ENDS)}){_SPACE}(?:{'|'.join(KK_VERB_LAST)})"
    rf"|(?<=[»”\"]{_SPACE})(?:{'|'.join(KK_MARK_VERBS)}))"
    rf"(?:{_SPACE}(?P<after>[^.!?«»\"\n]{{2,80}}))?(?=[.!?…]|$)"
)
_KK_MARK_THEN_VERB = tuple(f"» {verb}" for verb in KK_MARK_VERBS)
_SENTENCE_STOP = re.compile(r"[.!?…][»”\"]?[ \u00a0]+(?=[«\"“„–—-]?[ \u00a0]?[^\W\d_])")
_WORDS = re.compile(r"[^\s,;:()«»\"“”]+")
_STRIP = ' \u00a0,:;«»"“”„–—-'
_MAX_SPEAKER_WORDS = 3
_MAX_WORDS_BEFORE_VERB = 3
_MIN_QUOTE_CHARS = 8
_MAX_SUBJECT_WORDS = 8
_MIN_STEM = 3
_ROLE_STEM = 6  # "министр", "министрі", "министра": one role
# The comma that closes an aside, then at most three lowercase words up to the verb.
_AFTER_ASIDE = re.compile(r",((?:[ \u00a0]+[^\s,A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][^\s,]*){0,3})[ \u00a0]*$")
_OBLIQUE_ENDINGS = ("а", "я", "ы", "и", "у", "ю")
_CYRILLIC_LANGUAGES = frozenset(("ru", "kk", "uk"))
_KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")


class Found(NamedTuple):
    """A quote found: its text, its speaker and where its text is in the body."""

    text: str
    speaker: str | None
    start: int
    end: int


class Speakers:
    """The article's persons, by where the body names them: who a speaker's words are, and
    who was named last before a pronoun."""

    def __init__(self, people: list[Person], body: str) -> None:
        self.people = people
        self._body = body
        self._index: tuple[list[int], list[tuple[int, int, str]]] | None = None
        # Made on first use, as the index: (name, surname in lower case), (name, role words).
        self._surnames: list[tuple[str, str]] | None = None
        self._roles: list[tuple[str, list[str]]] | None = None

    def _named(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        """Every (start, end, name) the body names a person at, in order, and their starts:
        made when a speaker is first looked for (most articles quote nobody)."""
        if self._index is None:
            named: list[tuple[int, int, str]] = []
            for person in self.people:
                spans = [
                    (m.start, m.end, person.name) for m in person.mentions if m.field == "body"
                ]
                named.extend(spans or self._by_surname(person.name))
            named.sort()
            self._index = ([start for start, _, _ in named], named)
        return self._index

    def _by_surname(self, name: str) -> list[tuple[int, int, str]]:
        """Where the body names a person given without mentions: their surname, at the start
        of a word (any case ending after it)."""
        surname = name.rsplit(maxsplit=1)[-1]
        found = []
        at = self._body.find(surname)
        while at >= 0:
            if at == 0 or not self._body[at - 1].isalnum():
                found.append((at, at + len(surname), name))
            at = self._body.find(surname, at + len(surname))
        return found

    def at(self, start: int, end: int) -> str | None:
        """The person a mention of which overlaps ``[start, end)`` of the body."""
        starts, named = self._named()
        index = bisect_right(starts, end - 1)
        for first, last, name in reversed(named[max(0, index - 8) : index]):
            if first < end and start < last:
                return name
        return None

    def ending_at(self, position: int) -> str | None:
        """The person a mention of which ends right at ``position``."""
        starts, named = self._named()
        index = bisect_right(starts, position)
        for _, last, name in named[max(0, index - 8) : index]:
            if last == position:
                return name
        return None

    def last_before(self, position: int) -> str | None:
        """The person named last before ``position``."""
        starts, named = self._named()
        index = bisect_right(starts, position) - 1
        while index >= 0:
            if named[index][1] <= position:
                return named[index][2]
            index -= 1
        return None

    def by_role(self, word: str) -> str | None:
        """The one person whose role has this word (``— деді Президент``, ``— сказал
        министр``: the article's only president, its only minister), else nobody."""
        stem = word.lower()[:_ROLE_STEM]
        if len(stem) < _ROLE_STEM - 1:
            return None
        if self._roles is None:
            self._roles = [
                (person.name, person.role.lower().split()) for person in self.people if person.role
            ]
        holders = {name for name, words in self._roles if any(w.startswith(stem) for w in words)}
        return holders.pop() if len(holders) == 1 else None

    def by_name(self, name: str) -> str | None:
        """The person of that full name, or of the same surname (allowing a declension's
        two letters: ``Лаврова`` and ``Лавров``)."""
        if self._surnames is None:
            self._surnames = [
                (person.name, person.name.rsplit(maxsplit=1)[-1].lower()) for person in self.people
            ]
        surname = name.rsplit(maxsplit=1)[-1].lower()
        for full, theirs in self._surnames:
            if full == name or theirs == surname or _same_stem(theirs, surname):
                return full
        return None


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in text[:40])


def _kazakh_surname(word: str) -> bool:
    lower = word.lower()
    return any(
        lower.endswith(ending) and len(lower) - len(ending) >= _MIN_STEM
        for ending in KK_SURNAME_ENDINGS
    )


def _same_stem(a: str, b: str) -> bool:
    common = min(len(a), len(b))
    return common >= 4 and a[: common - 2] == b[: common - 2] and abs(len(a) - len(b)) <= 2


def _name_like(word: str) -> bool:
    """A word a name may be: a first name or surname pymorphy3 knows, a word it does not
    know (foreign names), or a surname's ending."""
    lower = word.lower()
    if lower.endswith(SURNAME_ENDINGS) or not _cyrillic(word):
        return True
    readings = russian.analyses(word)
    return any(r.name for r in readings) or not any(r.known for r in readings)


def _complement(word: str) -> bool:
    """A capitalised word that completes a role rather than naming its holder: a genitive
    (``Қазақстанның``, ``России``) or an acronym (``МИД``)."""
    if len(word) > 1 and word.isupper():
        return True
    if kazakh.is_kazakh(word) or word.lower().endswith(_KK_GENITIVE):
        return word.lower().endswith(_KK_GENITIVE)
    if not _cyrillic(word):
        return False
    readings = russian.analyses(word)
    return any(r.known for r in readings) and not any(r.name for r in readings)


def _oblique(word: str) -> bool:
    """A Russian name the dictionary knows in other cases only (``Обамы``): no subject."""
    if not _cyrillic(word) or kazakh.is_kazakh(word):
        return False
    readings = [r for r in russian.analyses(word) if r.known and r.name]
    return bool(readings) and all(r.case not in (None, "nomn") for r in readings)


def _not_a_name_start(word: str) -> bool:
    """A capitalised word that opens no name: a complement (``США``, ``России``), a word
    the dictionary knows that is no name (``Президент``) or one of ``KK_NOT_NAMES``."""
    return _complement(word) or word.lower() in KK_NOT_NAMES


class _Reader:
    """Speakers and quotes of one article's body."""

    def __init__(self, people: list[Person], body: str, language: str | None) -> None:
        self.body = body
        self.speakers = Speakers(people, body)
        self.kazakh = language == "kk"

    def name(
        self, words: list[tuple[int, int, str]], case: str | None, *, named: bool = False
    ) -> str | None:
        """The person or name these words (offsets in the body, and text) give; ``named``:
        where they stand says they are a name (``Дәурен Қуат: «...»``)."""
        while words and _not_a_name_start(words[0][2]) and len(words) > 1:
            words = words[1:]
        if not words:
            return None
        words = words[-_MAX_SPEAKER_WORDS:]
        person = self.speakers.at(words[0][0], words[-1][1])
        if person is not None:
            return person
        texts = [text for _, _, text in words]
        if self.kazakh or case == "kk" or any(kazakh.is_kazakh(t) for t in texts):
            return self._kazakh_name(texts, named=named)
        return self._russian_name(texts, case)

    def _kazakh_name(self, texts: list[str], *, named: bool) -> str | None:
        """Without morphology, a Kazakh name nobody was found by needs a surname (or a
        place that says it is a name); a title alone may be the article's one holder of
        it."""
        form = " ".join([*texts[:-1], kazakh.without_case(texts[-1])])
        found = self.speakers.by_name(form)
        if found or named or _kazakh_surname(form.rsplit(maxsplit=1)[-1]):
            return found or form
        return self.speakers.by_role(texts[0]) if len(texts) == 1 else None

    def _russian_name(self, texts: list[str], case: str | None) -> str | None:
        """A Russian (or foreign) name in the nominative: a person found, else the name
        when it looks like one; a title alone may be the article's one holder of it."""
        if all(_cyrillic(t) for t in texts):
            form = russian.nominative_name(texts, case or "nomn")
        else:
            form = " ".join(texts)
        person = self.speakers.by_name(form)
        if person is not None:
            return person
        if len(texts) == 1 and (
            _not_a_name_start(texts[0]) or not _name_like(texts[0]) or not _cyrillic(texts[0])
        ):  # "– заявил Эмир.", "Forbes уточняет": a title or a source, no name
            return self.speakers.by_role(texts[0])
        return form if any(_name_like(t) for t in texts) else None

    def clause_speaker(self, start: int, end: int, case: str | None) -> str | None:
        """The speaker a clause after a speech verb names: a pronoun, or role words then a
        name (``министр ... России Сергей Лавров``, ``Қазақстанның көлік министрі Нұрлан
        Сауранбаев``); nobody when a preposition comes first, or when the name after role
        words is their complement (``представитель Обамы``)."""
        clause = self.body[start:end]
        run: list[tuple[int, int, str]] = []
        after_role = False
        role: str | None = None  # the first role word, for a clause that names nobody
        for match in _WORDS.finditer(clause):
            text = match.group()
            if match.start() > 0 and clause[match.start() - 1] in ",;:(":
                break
            lower = text.lower()
            if not run and not after_role and lower in PRONOUNS:
                return self.speakers.last_before(start)
            if lower in PREPOSITIONS:
                break
            if text[:1].isupper():
                run.append((start + match.start(), start + match.end(), text))
            elif run and not _complement(run[-1][2]):
                break
            else:  # role words, or a complement of them ("Қазақстанның", "России")
                run, after_role = [], True
                role = role or text
        if not run:
            return self.speakers.by_role(role) if role else None
        if after_role and case == "nomn" and _oblique(run[-1][2]):
            return None
        return self.name(run, case)

    def colon_speaker(self, paragraph: str, offset: int, mark: int) -> str | None:
        """The name right before ``X: «...»`` (``mark`` is where the opening mark is): a
        person found, or a name of two words or more."""
        colon = paragraph.rfind(":", max(0, mark - 2), mark)
        if colon < 0:
            return None
        person = self.speakers.ending_at(offset + colon)
        if person is not None:
            return person
        run: list[tuple[int, int, str]] = []
        after_words = False  # a lowercase word (a role) comes before the run
        for match in _WORDS.finditer(paragraph, _sentence_start(paragraph, colon), colon):
            text = match.group()
            if text[:1].isupper():
                run.append((offset + match.start(), offset + match.end(), text))
            else:
                run, after_words = [], True
        if len(run) < 2 or run[-1][1] != offset + colon:
            return None
        # "журналист Дәурен Қуат: «...»" names someone; "Бүгін Президент: «...»" opens a
        # sentence with a capital for grammar.
        return self.name(run, None, named=after_words)

    def opening_person(self, sentence_start: int, verb_start: int) -> str | None:
        """The person the first capitalised words of the sentence name, past role words
        (``Президент Путин поддержал ..., заявив``); nobody when those words are no
        person found (``Южная Корея опровергает ..., заявляя``)."""
        run: list[tuple[int, int, str]] = []
        for match in _WORDS.finditer(self.body, sentence_start, verb_start):
            text = match.group()
            if text[:1].isupper():
                run.append((match.start(), match.end(), text))
            elif run:
                break
        while len(run) > 1 and _not_a_name_start(run[0][2]):
            run = run[1:]
        return self.speakers.at(run[0][0], run[-1][1]) if run else None

    def subject_before(self, sentence_start: int, verb_start: int) -> str | None:
        """The speaker ending at most three words before the verb (``Президент США Дональд
        Трамп заявил``, ``Она также добавила``; ``X, который ..., заявил``), or nobody: not
        the complement of a role (``Адвокат Маркива заявил``) nor a name after a
        preposition (``наблюдателей от Афросоюза заявил``)."""
        prefix = _without_aside(self.body[sentence_start:verb_start])
        found = list(_WORDS.finditer(prefix))
        index = _subject_end(found, prefix)
        if index is None:
            return None
        if found[index].group().lower() in PRONOUNS:
            return self.speakers.last_before(sentence_start + found[index].start())
        first = index
        while first > 0 and found[first - 1].group()[:1].isupper():
            first -= 1
        before = found[first - 1].group().lower() if first > 0 else None
        if before in PREPOSITIONS:
            return None
        after_role = before is not None
        while first < index and _not_a_name_start(found[first].group()):
            first, after_role = first + 1, True  # "Адвокат", "США": role words, not a name
        if after_role and first == index and _after_role(found[index].group()):
            return None
        run = [
            (sentence_start + m.start(), sentence_start + m.end(), m.group())
            for m in found[first : index + 1]
        ]
        return self.name(run, None)


def _subject_end(found: list[re.Match[str]], prefix: str) -> int | None:
    """The index of the subject's last word among the words before a verb: a capitalised
    word or a pronoun with at most three words and no comma after it."""
    index = len(found) - 1
    while index >= 0:
        word = found[index].group()
        if word[:1].isupper() or word.lower() in PRONOUNS:
            break
        if len(found) - index > _MAX_WORDS_BEFORE_VERB:
            return None
        index -= 1
    if index < 0 or "," in prefix[found[index].end() :]:
        return None
    return index


def _without_aside(prefix: str) -> str:
    """The words before a verb without a clause set off by commas after the subject, the
    adverbs after it kept (``Эрдоган, который ..., выразил``; ``Хэнкок, заразившийся ...,
    также заявил``; ``Шаймиев, рассказывая о предках, заявил``; ``Джонсон во вторник, 31
    марта, заявил``): a clause that opens with ``который``, a participle or a gerund, or
    that names nothing (no capital)."""
    tail = _AFTER_ASIDE.search(prefix)
    if tail is None:
        return prefix
    opening = prefix.rfind(",", 0, tail.start())
    if opening < 0:
        return prefix
    aside = prefix[opening + 1 : tail.start()]
    first = _WORDS.search(aside)
    if first is None:
        return prefix
    word = first.group()
    if (
        word.lower().startswith("котор")
        or any(r.pos in ("PRTF", "GRND") for r in russian.analyses(word))
        or not any(w[:1].isupper() for w in aside.split())
    ):
        return prefix[:opening] + tail.group(1) + " "
    return prefix


def _after_role(word: str) -> bool:
    """A one-word name after a lowercase word that is in an oblique case: the complement of
    a role (``Адвокат Маркива``, ``штаб Сандерса``), not its holder (``Режиссер Карас``)."""
    if not _cyrillic(word) or kazakh.is_kazakh(word):
        return False
    readings = russian.analyses(word)
    if any(r.known and r.name and r.case == "nomn" for r in readings):
        return False
    return _oblique(word) or word.lower().endswith(_OBLIQUE_ENDINGS)


def _has_any(paragraph: str, needles: Iterable[str]) -> bool:
    return any(map(paragraph.__contains__, needles))  # no generator: cheaper


def _starts_word(paragraph: str, position: int) -> bool:
    return position == 0 or not (
        paragraph[position - 1].isalnum() or paragraph[position - 1] == "-"
    )


def _sentence_start(paragraph: str, position: int) -> int:
    start = 0
    for match in _SENTENCE_STOP.finditer(paragraph, 0, position):
        start = match.end()
    return start


def _sentence_end(paragraph: str, position: int) -> int:
    match = _SENTENCE_STOP.search(paragraph, position)
    return match.start() + 1 if match else len(paragraph.rstrip())


def _quote(paragraph: str, offset: int, start: int, end: int, speaker: str | None) -> Found | None:
    """The quote ``paragraph[start:end]``, stripped of marks and spaces, if long enough."""
    text = paragraph[start:end]
    stripped = text.strip(_STRIP)
    if len(stripped) < _MIN_QUOTE_CHARS:
        return None
    begin = start + text.index(stripped)
    return Found(stripped, speaker, offset + begin, offset + begin + len(stripped))


def found_quotes(
    paragraphs: list[str], people: list[Person], language: str | None = None
) -> list[Found]:
    """The quotes of the body's paragraphs, in order, none overlapping another; a shape
    found first wins over one found after it on the same words."""
    body = "\n".join(paragraphs)
    # Each shape needs its marks, dashes or words: a shape the article lacks is tested in
    # none of its paragraphs ("\n" joins no two paragraphs into a " - ").
    opening = _has_any(body, _OPENING_MARKS)
    closing = _has_any(body, _CLOSING_MARKS)
    dashes = _has_any(body, _DASHES)
    cyrillic = language in _CYRILLIC_LANGUAGES or (language is None and _cyrillic(body[:200]))
    if not (opening or closing or dashes or cyrillic):
        return []
    reader = _Reader(people, body, language)
    shapes = _Shapes.of(body) if cyrillic else None
    found: list[Found] = []
    offset = 0
    previous = ""  # the paragraph before: one ending "X сказал:" introduces this one
    for paragraph in paragraphs:
        # Most paragraphs have no marks and are not scanned (the speaker-first pattern is
        # tried at every capital letter of the ones that have).
        if opening and _has_any(paragraph, _OPENING_MARKS) and _VERB_THEN_OPEN.search(paragraph):
            found.extend(_english_open(paragraph, offset, reader))
        if closing and _has_any(paragraph, _CLOSING_MARKS):
            found.extend(_closed_quotes(paragraph, offset, reader))
        if dashes and _has_any(paragraph, _DASHES):
            found.extend(_dash_quotes(paragraph, offset, reader))
        if shapes is not None:
            found.extend(_cyrillic_quotes(paragraph, offset, reader, shapes))
            if shapes.colon and previous.endswith(":"):
                said = _said_before(previous, paragraph, offset, reader)
                found.extend([said] if said else [])
        previous = paragraph.rstrip()
        offset += len(paragraph) + 1
    return _apart(found)


def _apart(found: list[Found]) -> list[Found]:
    """In order of position; a quote overlapping one found before it is dropped."""
    kept: list[Found] = []
    for quote in found:
        if not any(q.start < quote.end and quote.start < q.end for q in kept):
            kept.append(quote)
    return sorted(kept, key=lambda q: q.start)


def quotes(paragraphs: list[str], people: list[Person], language: str | None = None) -> list[Quote]:
    """The quotes of the body's paragraphs with their speakers (no mentions: ``extract``
    adds them)."""
    return [
        Quote(text=q.text, speaker=q.speaker) for q in found_quotes(paragraphs, people, language)
    ]


def _english_speaker(match: re.Match[str], offset: int, reader: _Reader) -> str | None:
    raw = match.group("speaker")
    start = offset + match.start("speaker")
    if raw.lower() in ("he", "she"):
        return reader.speakers.last_before(start)
    # By name first: the index of where persons are named is made only when needed.
    person = reader.speakers.by_name(raw)
    return person or reader.speakers.at(start, offset + match.end("speaker")) or raw


def _english_open(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``X said: "..."``."""
    found = []
    for match in _SPEAKER_THEN_OPEN.finditer(paragraph):
        speaker = _english_speaker(match, offset, reader)
        start = match.start("text")
        text = match.group("text").strip()
        begin = start + match.group("text").index(text)
        found.append(Found(text, speaker, offset + begin, offset + begin + len(text)))
    return found


def _after_openings(
    pattern: re.Pattern[str], paragraph: str
) -> Iterator[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` with where its quote begins: after the opening mark that
    the quote's closing mark (if any) pairs with, looked for only between the last match and
    this one (one scan of the paragraph in all: a rescan from its start for every match would
    cost quadratic time on a long line); without one, where the last match ended."""
    scanned = 0
    for match in pattern.finditer(paragraph):
        opening = _opening_end(paragraph, scanned, match.start())
        yield (scanned if opening is None else opening), match
        scanned = max(scanned, match.end())


def _opening_end(paragraph: str, low: int, high: int) -> int | None:
    """The end of the opening mark of the quote ending at ``high``: pairs of guillemets or
    curly marks nest (``«... «Нұр Отан» ...»``), a straight mark right before ``high``
    closes and the one before it opens."""
    marks = [(m.start(), m.group()) for m in _MARKS.finditer(paragraph, low, high)]
    if not marks:
        return None
    depth = 0
    closing_straight = paragraph[low:high].rstrip(_BEFORE_CLAUSE).endswith('"')
    for index in range(len(marks) - 1, -1, -1):
        at, mark = marks[index]
        if mark in "»”":
            depth += 1
        elif mark in "«“":
            if depth <= 1:
                return at + 1
            depth -= 1
        elif closing_straight and index == len(marks) - 1 and depth == 0:
            continue  # the closing straight mark: its pair opens the quote
        elif depth == 0:
            return at + 1
    return None


def _closed_quotes(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``"...," X said`` and the scraped shape that lost its opening mark."""
    found: list[Found] = []
    for opening_end, match in _after_openings(_CLOSE_THEN_SPEAKER, paragraph):
        text = paragraph[opening_end : match.start() + 1]
        stripped = text.strip(" ,")
        if len(stripped) >= _MIN_QUOTE_CHARS:
            begin = opening_end + text.index(stripped)
            speaker = _english_speaker(match, offset, reader)
            found.append(Found(stripped, speaker, offset + begin, offset + begin + len(stripped)))
    return found


def _dash_quotes(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """Russian and Kazakh quotes closed by a dash clause naming the speaker."""
    found: list[Found] = []
    for opening_end, match in _after_openings(_DASH_CLAUSE, paragraph):
        speaker = None
        if match.group("verb") in RU_NO_SPEAKER_VERBS:
            pass
        elif match.group("speaker"):
            start, end = match.span("speaker")
            speaker = reader.clause_speaker(offset + start, offset + end, "nomn")
        else:  # "Сала мамандары: «...», — дейді.": named before the quote, if at all
            speaker = reader.colon_speaker(paragraph, offset, opening_end - 1)
        quote = _quote(paragraph, offset, opening_end, match.start(), speaker)
        if quote is not None:
            found.append(quote)
            found.extend(_resumed(paragraph, offset, match, speaker))
    return found


def _resumed(paragraph: str, offset: int, match: re.Match[str], speaker: str | None) -> list[Found]:
    """The rest of a quote the dash clause interrupts: «Мы раздаём маски, — говорит X, — не
    получая за это денег»: from the second dash to the closing mark."""
    if not match.group("speaker") or not paragraph[: match.start()].endswith(","):
        return []
    again = _RESUME.search(match.group("speaker"))
    if again is None:
        return []
    start = match.start("speaker") + again.end()
    close = _CLOSE.search(paragraph, start)
    end = close.start() if close else _sentence_end(paragraph, start)
    quote = _quote(paragraph, offset, start, end, speaker)
    return [] if quote is None else [quote]


class _Shapes(NamedTuple):
    """Which Russian and Kazakh shapes an article's body may hold: each needs its words, and
    a shape the body lacks is looked for in none of its paragraphs."""

    said_that: bool
    colon: bool
    according: bool
    kk_according: bool
    kk_verb_last: bool

    @classmethod
    def of(cls, body: str) -> _Shapes:
        colon = ":" in body
        return cls(
            colon or "что" in body,
            colon,
            _has_any(body, _ACCORDING_STEMS),
            _has_any(body, KK_ACCORDING_TO),
            _has_any(body, KK_CLAUSE_ENDS) or _has_any(body, _KK_MARK_THEN_VERB),
        )


def _cyrillic_quotes(paragraph: str, offset: int, reader: _Reader, shapes: _Shapes) -> list[Found]:
    found: list[Found] = []
    colon = shapes.colon and ":" in paragraph
    if shapes.said_that and (colon or "что" in paragraph):
        found.extend(_said_that(paragraph, offset, reader))
    if colon:
        found.extend(_name_then_colon(paragraph, offset, reader))
    if shapes.according and _has_any(paragraph, _ACCORDING_STEMS):
        found.extend(_according(paragraph, offset, reader))
    if shapes.kk_according and _has_any(paragraph, KK_ACCORDING_TO):
        found.extend(_kazakh_according(paragraph, offset, reader))
    if shapes.kk_verb_last and (
        _has_any(paragraph, KK_CLAUSE_ENDS) or _has_any(paragraph, _KK_MARK_THEN_VERB)
    ):
        found.extend(_kazakh_verb_last(paragraph, offset, reader))
    return found


def _verb_before(paragraph: str, anchor: int) -> re.Match[str] | None:
    """The speech verb among the seven words before ``anchor`` (no stop between them)."""
    low = max(0, anchor - 120)
    words = list(_WORD_BEFORE.finditer(paragraph, low, anchor))[-_WORDS_FROM_VERB:]
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lower = word.group().lower()  # "Сообщается, что" opens a sentence
        if lower in RU_SPEAKER_FIRST_VERBS and _starts_word(paragraph, word.start()):
            return word
        if "," in word.group() or paragraph[word.end() : anchor][:1] == ",":
            break  # "X, сказал он, что": the verb's clause ends at a comma
    return None


def _said_that(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``X заявил, что ...`` and ``X сказал: «...»``."""
    found: list[Found] = []
    for anchor in _THAT_OR_COLON.finditer(paragraph):
        if anchor.end() == len(paragraph) and anchor.group().startswith(":"):
            continue  # a colon ending the paragraph: the next one is the quote
        verb = _verb_before(paragraph, anchor.start())
        if verb is None:
            continue
        speaker = _speaker_before(paragraph, offset, verb, reader)
        if anchor.group().startswith(","):  # ", что ": to the sentence's end
            end = _sentence_end(paragraph, anchor.end())
            credit = _CREDIT.search(paragraph, anchor.end(), end)
            end = credit.start() if credit else end
        else:  # a colon, then the quotation: to its closing mark
            close = _CLOSE.search(paragraph, anchor.end() + 1)
            end = close.start() if close else _sentence_end(paragraph, anchor.end())
        quote = _quote(paragraph, offset, anchor.end(), end, speaker)
        if quote is not None:
            found.append(quote)
    return found


def _speaker_before(
    paragraph: str, offset: int, verb: re.Match[str], reader: _Reader
) -> str | None:
    """The subject of a speech verb; nobody for a plural or impersonal one; for a gerund
    ("..., заявив, что"), the person whose name opens the sentence, if any."""
    said = verb.group().lower()
    if said in RU_NO_SPEAKER_VERBS:
        return None
    sentence = _sentence_start(paragraph, verb.start())
    if said in RU_GERUNDS:
        return reader.opening_person(offset + sentence, offset + verb.start())
    return reader.subject_before(offset + sentence, offset + verb.start())


def _said_before(paragraph: str, after: str, offset: int, reader: _Reader) -> Found | None:
    """``Анна говорит:`` or ``... написал в Twitter:`` ending a paragraph: the next one
    (``after``, at ``offset``) is what was said."""
    verb = _verb_before(paragraph, len(paragraph.rstrip(" \u00a0")) - 1)
    if verb is None:
        return None
    speaker = _speaker_before(paragraph, offset - len(paragraph) - 1, verb, reader)
    end = len(after)
    if after.lstrip()[:1] in _OPENING_MARKS:  # the quotation alone, not what follows it
        close = _CLOSE.search(after, after.index(after.lstrip()[:1]) + 1)
        end = close.start() if close else end
    return _quote(after, offset, 0, end, speaker)


def _name_then_colon(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``Вице-президент ... Виктор Болотов: «...»``: a person's name, a colon, a quote."""
    found: list[Found] = []
    for match in _COLON_QUOTE.finditer(paragraph):
        person = reader.colon_speaker(paragraph, offset, match.end() - 1)
        if person is None:
            continue
        close = _CLOSE.search(paragraph, match.end())
        end = close.start() if close else len(paragraph)
        quote = _quote(paragraph, offset, match.end(), end, person)
        if quote is not None:
            found.append(quote)
    return found


def _according(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``По словам X, ...``, ``Как заявил X, ...``."""
    found: list[Found] = []
    for match in _ACCORDING.finditer(paragraph):
        case = "nomn" if match.group("how").lower().startswith("как") else "gent"
        start, end = match.span("speaker")
        speaker = reader.clause_speaker(offset + start, offset + end, case)
        text_start = match.start("text")
        named = _APPOSITION.match(paragraph, text_start)
        if speaker is None and named is not None:  # "По словам мужа погибшей, Дэвида Маккина, ..."
            speaker = reader.clause_speaker(offset + text_start, offset + named.end(1), case)
            text_start = named.end() if speaker else text_start
        quote = _quote(paragraph, offset, text_start, match.end("text"), speaker)
        if quote is not None:
            found.append(quote)
    return found


def _kazakh_according(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``Министрдің сөзінше, ...``: the name before ``сөзінше`` is in the genitive."""
    found: list[Found] = []
    for match in _KK_ACCORDING.finditer(paragraph):
        if not _starts_word(paragraph, match.start()):
            continue
        sentence = _sentence_start(paragraph, match.start())
        before = list(_WORDS.finditer(paragraph, sentence, match.start()))[-_KK_SPEAKER_WORDS:]
        names = [
            (offset + m.start(), offset + m.end(), m.group())
            for m in before
            if m.group()[:1].isupper()
        ]
        speaker = reader.name(names, "kk") if names else None
        quote = _quote(paragraph, offset, *match.span("text"), speaker)
        if quote is not None:
            found.append(quote)
    return found


def _kazakh_verb_last(paragraph: str, offset: int, reader: _Reader) -> list[Found]:
    """``X ... деп атап өтті.``: the speaker opens the sentence or follows the verb."""
    found: list[Found] = []
    for match in _KK_VERB_LAST.finditer(paragraph):
        sentence = _sentence_start(paragraph, match.start())
        speaker, begin = None, sentence
        if match.group("after"):
            speaker = reader.clause_speaker(
                offset + match.start("after"), offset + match.end("after"), "kk"
            )
        if speaker is None:  # named before the quote's opening mark, if it has one
            opening = paragraph.find("«", sentence, match.start())
            until = match.start() if opening < 0 else opening
            speaker, begin = _kazakh_subject(paragraph, offset, sentence, until, reader)
        said = paragraph[begin : match.start()].split()
        if not said or said[-1].lower() in KK_SO:
            continue  # "... осылай деп мәлімдеді": what was said is before
        inner = paragraph.find("«", begin, match.start())
        if inner >= 0:
            begin = inner + 1
        quote = _quote(paragraph, offset, begin, match.start(), speaker)
        if quote is not None:
            found.append(quote)
    return found


def _kazakh_subject(
    paragraph: str, offset: int, sentence: int, end: int, reader: _Reader
) -> tuple[str | None, int]:
    """The name among the first words of a Kazakh sentence that is in no case (the
    subject: ``Облыс әкімі Бауыржан Бәйбек ...``), and where what it says begins; (None, the
    sentence's start) when there is none."""
    run: list[tuple[int, int, str]] = []
    for index, match in enumerate(_WORDS.finditer(paragraph, sentence, end)):
        text = match.group()
        if text[:1].isupper():
            run.append((offset + match.start(), offset + match.end(), text))
            continue
        speaker = _subject_of(run, reader)
        if speaker is not None:
            return speaker, run[-1][1] - offset
        run = []
        if index >= _MAX_SUBJECT_WORDS:
            break
    speaker = _subject_of(run, reader)  # the run that ends where the quote opens
    return (speaker, run[-1][1] - offset) if speaker else (None, sentence)


def _subject_of(run: list[tuple[int, int, str]], reader: _Reader) -> str | None:
    """The speaker capitalised words name when their last is in no case (a subject)."""
    if run and kazakh.without_case(run[-1][2]) == run[-1][2] and not _complement(run[-1][2]):
        return reader.name(run, "kk")
    return None


def extract(doc: Document) -> Findings:
    """Quotes of the body, their speakers resolved against the persons found before, each
    with where its words are."""
    found = found_quotes(doc.paragraphs[1:], doc.get(PERSONS), doc.language)  # not the title
    start = doc.body_start
    # Validated: pydantic's core (Rust) costs less than model_construct (Python).
    placed = [
        Quote(
            text=q.text, speaker=q.speaker, mentions=[doc.mention(start + q.start, start + q.end)]
        )
        for q in found
    ]
    return Findings().found(QUOTES, placed)
