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
from typing import Any, NamedTuple

from newswire.enrich.gazetteer import Gazetteer, Place
from newswire.enrich.russian import _analyzer  # one dictionary per process

_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_REGION_HEADS = frozenset({"область", "край", "округ", "республика"})
_REPUBLIC = "республика"
# A word of a place's name is a noun or an adjective; the rest end a phrase.
_PHRASE_PARTS = frozenset({"NOUN", "ADJF"})
_CACHED = 16_384
# At the start of a sentence a capital says nothing: the word must be a place first.
_FIRST_WORD_GEOX_SHARE = 0.5
# A place the gazetteer does not know is taken only where the dictionary reads the word
# mostly as one ("Восток" is mostly the east, "Сибирь" always a place).
_UNKNOWN_GEOX_SHARE = 0.3
_LEAST_GEOX_SHARE = 0.1


class WordPlace(NamedTuple):
    place: Place
    person: bool  # the word also reads as a person's name
    first_word_ok: bool  # a place even where a capital is the sentence's


@lru_cache(maxsize=_CACHED)
def _parses(lower: str) -> tuple[Any, ...]:
    return tuple(_analyzer().parse(lower))


def _is_person(parse: Any) -> bool:
    return not _PERSON_TAGS.isdisjoint(parse.tag.grammemes)


def _is_geox(parse: Any) -> bool:
    """A geographical noun of the dictionary: not an adjective (``Украинского``), not the
    guesser's reading of a word it does not know (``Мурси``, ``Таунсенд``)."""
    return parse.is_known and parse.tag.POS == "NOUN" and "Geox" in parse.tag.grammemes


def title(lemma: str) -> str:
    """A lemma as a name: every word and every hyphenated part capitalised (нью-йорк ->
    Нью-Йорк)."""
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in lemma.split())


def word_place(word: str, gazetteer: Gazetteer) -> WordPlace | None:
    """The place one capitalised Cyrillic word of a Russian text names, if any."""
    parses = _parses(word.lower())
    person = any(map(_is_person, parses))
    geox = [p for p in parses if _is_geox(p)]
    if word.isupper() and len(word) > 1:  # США, КНР: the gazetteer's abbreviations first
        place = gazetteer.place(word, "ru")
        if place is not None:
            return WordPlace(place, person=False, first_word_ok=True)
    if geox:
        return _geographical(geox, person, gazetteer)
    if any(p.is_known for p in parses):
        return None  # a dictionary word that is no place: "Совета", "Александра"
    place = gazetteer.place(word, "ru")
    if place is None:
        return None
    return WordPlace(place, person, first_word_ok=place.kind == "country")


def _geographical(geox: list[Any], person: bool, gazetteer: Gazetteer) -> WordPlace | None:
    """The place of a word's geographical readings: the gazetteer's place of a lemma, else a
    place of no known country named by the first lemma, if the word is mostly a place."""
    share = sum(p.score for p in geox)
    if share < _LEAST_GEOX_SHARE:
        return None  # "Ван" is a particle first, the Turkish town a distant second
    first_word_ok = share >= _FIRST_WORD_GEOX_SHARE
    for parse in geox:
        lemma = parse.normal_form
        place = gazetteer.places.get(lemma) or gazetteer.places.get(lemma.replace("ё", "е"))
        if place is not None:
            return WordPlace(place, person, first_word_ok)
    if share < _UNKNOWN_GEOX_SHARE:
        return None
    return WordPlace(Place(title(geox[0].normal_form), "", "region"), person, first_word_ok)


def may_begin_phrase(word: str, first_words: frozenset[str]) -> bool:
    """Whether a word may begin a place of several words: an adjective (``Нижнего``,
    ``Северной``, ``Алтайского``), ``Республика``, or a word whose nominative begins one of
    the gazetteer's."""
    lower = word.lower()
    if lower in first_words:
        return True
    for parse in _parses(lower):
        if parse.tag.POS == "ADJF" or parse.normal_form == _REPUBLIC:
            return True
    nominative = _nominative(word)
    return nominative is not None and nominative in first_words


def reads_as_first_name(word: str) -> bool:
    """The dictionary knows the word as a first name (the word after it is a surname)."""
    return any(p.is_known and "Name" in p.tag.grammemes for p in _parses(word.lower()))


def reads_as_person(word: str) -> bool:
    """The dictionary knows the word as a first name, surname or patronymic (Kazakh names
    too: Қайрат, Абай)."""
    return any(p.is_known and _is_person(p) for p in _parses(word.lower()))


def _nominative(word: str) -> str | None:
    """One word of a place's name in the nominative, keeping its gender and number, or None
    when it is no noun or adjective."""
    lower = word.lower()
    for parse in _parses(lower):
        if parse.tag.POS not in _PHRASE_PARTS:
            continue
        if parse.tag.case == "nomn":
            return lower
        inflected = parse.inflect({"nomn"})
        if inflected is not None:
            return str(inflected.word)
    return None


def phrase_place(phrase: str, gazetteer: Gazetteer) -> Place | None:
    """The place of a phrase of several Cyrillic words, in the nominative."""
    words = phrase.split(" ")
    nominative = [_nominative(w) for w in words]
    if any(n is None for n in nominative):
        return None
    lemmas = [n for n in nominative if n is not None]
    key = " ".join(lemmas).replace("ё", "е")
    place = gazetteer.places.get(key)
    if place is not None:
        return place
    return _region(words, lemmas)


def _region(words: list[str], lemmas: list[str]) -> Place | None:
    """A region of no known country: ``Алтайский край``, ``Гегаркуникская область``,
    ``Республика Алтай``."""
    if len(words) == 2 and lemmas[1] in _REGION_HEADS and _is_adjective(words[0]):
        return Place(f"{title(lemmas[0])} {lemmas[1]}", "", "region")
    if len(words) == 2 and lemmas[0] == _REPUBLIC and any(map(_is_geox, _parses(lemmas[1]))):
        return Place(f"Республика {title(lemmas[1])}", "", "region")
    return None


def _is_adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in _parses(word.lower()))
