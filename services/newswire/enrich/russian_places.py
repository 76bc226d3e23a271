"""Russian place names by pymorphy3's dictionary (OpenCorpora): which capitalised words name a
place, in which dictionary form, and which are people's names first.

The gazetteer knows places by their dictionary form; Russian declines them (``в Бразилии``,
``Нижнего Новгорода``, ``в Алтайском крае``). Cutting endings off finds wrong places in
people's names and ordinary words (``Александра`` -> Alexandria, ``Совета`` -> Soweto), so a
Cyrillic word of a Russian text is read by the dictionary instead:

- a word the dictionary tags ``Geox`` (geographical) is a place, in its lemma's form: the
  gazetteer's place of that lemma where it knows it (``Бразилии`` -> Brazil), else a place of
  no known country named by the lemma (``Иллинойсе`` -> Иллинойс, ``Донбассе`` -> Донбасс);
- a word the dictionary knows with no ``Geox`` reading is no place, whatever its ending;
- a word it does not know (guessed from its ending) is looked up in the gazetteer with its
  ending taken off, as before;
- a word with a reading as a first name, surname or patronymic (``Name``, ``Surn``, ``Patr``:
  ``Виктория``, ``Киров``, ``Питер``) is flagged: ``places`` takes it for a place only when it is
  a country, or where a preposition of place puts it (``в Кирове``);
- a phrase is put in the nominative word by word (``Нижнего Новгорода`` -> нижний новгород,
  ``Северной Корее`` -> северная корея) and looked up; an adjective before ``область``,
  ``край``, ``округ`` or ``республика`` (``Алтайского края``), or ``Республика`` before a
  place (``Республики Алтай``), is a region of no known country.

The analyser is shared with ``russian`` (one dictionary a process); every word is read once
per process (bounded memos).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from newswire.enrich.gazetteer import Gazetteer, Place
from newswire.enrich.russian import (
    Analysis,
    _analyzer,  # one dictionary per process: russian's
    analyses,
)

_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_REGION_HEADS = frozenset({"область", "край", "округ", "республика"})
_REGION_HEAD_STEMS = ("област", "кра", "округ", "республик")
_REPUBLIC = "республика"
_REPUBLIC_STEM = "республик"
_ADJECTIVE_ENDINGS = (
    *("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им"),
    *("ую", "юю", "ых", "их", "ыми", "ими", "ом", "ем", "ые", "ие"),
)
# A word of a place's name is a noun or an adjective; the rest end a phrase.
_PHRASE_PARTS = frozenset({"NOUN", "ADJF"})
_CACHED = 16_384
# At the start of a sentence a capital says nothing: the word must be a place first.
_FIRST_WORD_GEOX_SHARE = 0.5
# A place the gazetteer does not know is taken only where the dictionary reads the word
# mostly as one ("Восток" is mostly the east, "Сибирь" always a place).
_UNKNOWN_GEOX_SHARE = 0.3
_LEAST_GEOX_SHARE = 0.1
# A word this frequent in Russian is an ordinary noun first ("Совета", "Правительство"): it
# is not looked at again for a place the gazetteer lacks (a second dictionary look-up).
_COMMON_WORD_ZIPF = 4.5
_FUNCTION_WORD_ZIPF = 5.5  # no place this frequent but countries, found before
_NATIONAL_KINDS = frozenset({"country", "capital", "area"})
_MOST_WORDS = 3  # Russian places of several words: Нижний Новгород, Республика Северная Осетия


class WordPlace(NamedTuple):
    place: Place
    person: bool  # the word also reads as a person's name
    first_word_ok: bool  # a place even where a capital is the sentence's


@lru_cache(maxsize=_CACHED)
def _geographical_lemmas(lower: str) -> tuple[tuple[str, float], ...]:
    """The lemmas of a word's geographical readings with their scores: the dictionary's
    nouns tagged Geox, not the guesser's readings of a word it does not know (``Мурси``).
    Asked only of known nouns whose lemma the gazetteer lacks (a second look at the word:
    ``russian.analyses``, shared with the people's rules, has no Geox)."""
    analyzer = _analyzer()
    if not any("Geox" in tag.grammemes for tag in analyzer.tag(lower)):
        return ()  # most words: the tags alone say so, without the scores' cost
    return tuple(
        (parse.normal_form, parse.score)
        for parse in analyzer.parse(lower)
        if parse.is_known and parse.tag.POS == "NOUN" and "Geox" in parse.tag.grammemes
    )


def title(lemma: str) -> str:
    """A lemma as a name: every word and every hyphenated part capitalised (нью-йорк ->
    Нью-Йорк)."""
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in lemma.split())


def word_place(word: str, gazetteer: Gazetteer) -> WordPlace | None:
    """The place one capitalised Cyrillic word of a Russian text names, if any."""
    if word.isupper() and len(word) > 1:  # США, КНР: the gazetteer's abbreviations only
        place = gazetteer.place(word, "ru")
        return None if place is None else WordPlace(place, person=False, first_word_ok=True)
    place = gazetteer.place(word, "ru")
    if place is not None and place.kind == "country":  # Армении, Китаем: no one's name
        return WordPlace(place, person=False, first_word_ok=True)
    if place is None and gazetteer.frequency(word, "ru") >= _FUNCTION_WORD_ZIPF:
        return None  # "Это", "Как", "Уже" at a sentence's start
    return _by_dictionary(word, place, gazetteer)


def _by_dictionary(word: str, place: Place | None, gazetteer: Gazetteer) -> WordPlace | None:
    """A word by its readings: a noun's lemma the gazetteer knows, or a geographical noun it
    does not; a dictionary word of neither kind is no place ("Совета", "Александра"); a word
    the dictionary does not know is the gazetteer's ``place`` (endings taken off)."""
    readings = analyses(word)  # cached, and shared with the people's rules
    person = any(r.name for r in readings)
    nouns = [r for r in readings if r.known and r.pos == "NOUN" and not r.name]
    if nouns:
        found = _by_lemma(word, nouns, person, gazetteer)
        if found is None and gazetteer.frequency(word, "ru") < _COMMON_WORD_ZIPF:
            found = _unknown_place(word, person)
        return found
    if place is None or any(r.known for r in readings):
        return None
    return WordPlace(place, person, first_word_ok=False)


def _by_lemma(
    word: str, nouns: list[Analysis], person: bool, gazetteer: Gazetteer
) -> WordPlace | None:
    """The gazetteer's place of a noun's lemma, if the word is that noun often enough ("Ван"
    is a particle first, the Turkish town a distant second)."""
    for reading in nouns:
        lemma = reading.lemma
        place = gazetteer.places.get(lemma) or gazetteer.places.get(lemma.replace("ё", "е"))
        if place is not None:
            if place.kind in _NATIONAL_KINDS:
                return WordPlace(place, person, first_word_ok=True)
            share = sum(s for g, s in _geographical_lemmas(word.lower()) if g == lemma)
            if share < _LEAST_GEOX_SHARE:
                return None  # "Пара" is a pair, not Pará; "Туре" a round, not Tours
            return WordPlace(place, person, share >= _FIRST_WORD_GEOX_SHARE)
    return None


def _unknown_place(word: str, person: bool) -> WordPlace | None:
    """A place of no known country named by a geographical noun's lemma (Донбасс), if the
    word is mostly that noun ("Восток" is mostly the east)."""
    geographical = _geographical_lemmas(word.lower())
    share = sum(score for _lemma, score in geographical)
    if share < _UNKNOWN_GEOX_SHARE:
        return None
    lemma = geographical[0][0]
    return WordPlace(Place(title(lemma), "", "region"), person, share >= _FIRST_WORD_GEOX_SHARE)


def may_begin_phrase(word: str, first_words: frozenset[str]) -> bool:
    """Whether a word may begin a place of several words: a first word of the gazetteer's,
    ``Республика``, or an adjective (``Нижнего``, ``Северной``, ``Алтайского``; the
    dictionary asked only of words with an adjective's ending)."""
    lower = word.lower()
    if lower in first_words or lower.startswith(_REPUBLIC_STEM):
        return True
    return lower.endswith(_ADJECTIVE_ENDINGS) and any(r.pos == "ADJF" for r in analyses(word))


def reads_as_first_name(word: str) -> bool:
    """The dictionary knows the word as a first name (the word after it is a surname)."""
    return any(r.known and r.name for r in analyses(word))


def reads_as_person(word: str) -> bool:
    """The dictionary knows the word as a first name, surname or patronymic (Kazakh names
    too: Қайрат, Абай)."""
    return any(r.known and r.name for r in analyses(word))


@lru_cache(maxsize=_CACHED)
def _nominative(word: str) -> str | None:
    """One word of a place's name in the nominative, keeping its gender and number, or None
    when it is no noun or adjective."""
    lower = word.lower()
    for parse in _analyzer().parse(lower):
        if parse.tag.POS not in _PHRASE_PARTS:
            continue
        if parse.tag.case == "nomn":
            return lower
        inflected = parse.inflect({"nomn"})
        if inflected is not None:
            return str(inflected.word)
    return None


def phrase_place(phrase: str, gazetteer: Gazetteer) -> Place | None:
    """The place of a phrase of several Cyrillic words, in the nominative: every word after
    the first capitalised and the first beginning like a gazetteer name (Нижнего Новгорода),
    or two words ending in a region's head (Алтайского края); other phrases are not put in
    the nominative (the costly step)."""
    words = phrase.split(" ")
    region = len(words) == 2 and _is_region_head(words[1])
    named = all(w[:1].isupper() for w in words[1:]) and words[0][:4].lower() in gazetteer.heads
    if len(words) > _MOST_WORDS or not (region or named):
        return None
    nominative = [_nominative(w) for w in words]
    if any(n is None for n in nominative):
        return None
    lemmas = [n for n in nominative if n is not None]
    key = " ".join(lemmas).replace("ё", "е")
    place = gazetteer.places.get(key)
    if place is not None:
        return place
    return _region(words, lemmas)


def _is_region_head(word: str) -> bool:
    """области, края, округе, республики (the dictionary asked only of words that begin like
    one: most words after an adjective are not)."""
    return word.lower().startswith(_REGION_HEAD_STEMS) and any(
        r.lemma in _REGION_HEADS for r in analyses(word)
    )


def _region(words: list[str], lemmas: list[str]) -> Place | None:
    """A region of no known country: ``Алтайский край``, ``Гегаркуникская область``,
    ``Республика Алтай``."""
    if len(words) == 2 and lemmas[1] in _REGION_HEADS and _is_adjective(words[0]):
        return Place(f"{title(lemmas[0])} {lemmas[1]}", "", "region")
    if len(words) == 2 and lemmas[0] == _REPUBLIC and _geographical_lemmas(lemmas[1]):
        return Place(f"Республика {title(lemmas[1])}", "", "region")
    return None


def _is_adjective(word: str) -> bool:
    return any(r.pos == "ADJF" for r in analyses(word))
