"""Organisations in Russian and Kazakh text, by three rules (``organizations`` adds what they
find to the English rules'):

- a state body named by one word, in any case: Kazakh ``Үкімет``, ``Мәжіліс``, ``Парламент``,
  ``Сенат``, ``Ақорда`` (``Үкіметке``, ``Мәжілістің``), and Russian compound names of state
  bodies the dictionary tags ``Orgn`` (``Госдумы``, ``Минздрава``, ``Роскомнадзора``), named
  in the nominative;
- a Kazakh official name: a capitalised word, up to four lower-case words, then an
  organisation's head with its possessive (``Денсаулық сақтау министрлігі``, ``Орталық сайлау
  комиссиясы``, ``Ұлттық банк``), named up to the head in its nominative;
- a quoted name with the kind of organisation it is: after it in Kazakh (``«Хабар» арнасы``,
  ``«Нұр Отан» партиясы``), before it in Russian (``компания «Газпром»``, ``партия «Единая
  Россия»``); the quoted name alone is then the organisation wherever it comes back quoted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.russian import _analyzer  # one dictionary per process: russian's
from newswire.enrich.text import Tokens, is_cyrillic

Spans = dict[str, list[tuple[int, int]]]

# Kazakh state bodies named by one capitalised word; a case ending may follow.
_KK_BODIES = ("үкімет", "мәжіліс", "парламент", "сенат", "ақорда")
_LONGEST_ENDING = 6  # "Үкіметпен", "Мәжілістегі"
# Russian compound names of state bodies begin so (Минздрав, Роскомнадзор, Госдума,
# Мосгордума, Генпрокуратура): only such words are asked of the dictionary (a look-up each).
_RU_BODY_PREFIXES = ("мин", "рос", "гос", "мос", "ген")
_ORDINARY_ZIPF = 4.5
# Heads of Kazakh official names, as their stems; the possessive must follow (a bare
# "комиссия" is any commission). A state body's head may begin a sentence's name; another
# head's name must begin mid-sentence ("Бұл кеңесі", "Қала әкімдігі" are no names).
_KK_STATE_HEADS = ("министрлі", "комиссия", "агентті", "комитет", "прокуратура", "палата")
_KK_HEADS = (
    *_KK_STATE_HEADS,
    *("банк", "кеңес", "одақ", "ұйым", "академия", "университет", "институт", "ассамблея"),
    *("соты", "партия", "корпорация", "компания", "холдинг", "серіктесті", "телерадиокешен"),
    *("қауымдастығ", "федерация"),
)
_MOST_WORDS_BEFORE_HEAD = 4
# The kind of organisation a quoted name is: Kazakh after it, Russian before it (lemmas).
_KK_KINDS = (*_KK_HEADS, "арна", "телеарна", "газет", "журнал", "клуб", "қор")
_RU_KINDS = (
    *("компани", "корпораци", "концерн", "холдинг", "банк", "парти", "движени", "телеканал"),
    *("канал", "радиостанци", "газет", "журнал", "издани", "агентств", "фонд", "организаци"),
    *("обществ", "группировк", "клуб", "фирм", "завод", "комбинат", "предприяти"),
    *("ассоциаци", "союз", "фракци", "объединени", "сеть", "сети"),
)
_QUOTED = re.compile(r"«([^«»\n]{2,60})»")
_WORD_BEFORE = re.compile(r"(\w+) $")
_KK_QUOTED = re.compile(r"«([^«»\n]{2,60})» (\w+)")


def organizations(
    text: str, toks: Tokens, language: str | None, names: Spans, gazetteer: Gazetteer
) -> set[int]:
    """Adds the Russian or Kazakh organisations of ``text`` to ``names``; returns the tokens
    their names cover."""
    covered: set[int] = set()
    if language == "kk":
        _kazakh_bodies(text, toks, names, covered)
        _kazakh_names(text, toks, names, covered)
        _quoted(text, toks, names, covered, found=_kazakh_quoted(text))
    elif language == "ru":
        _russian_bodies(toks, names, covered, gazetteer)
        _quoted(text, toks, names, covered, found=_russian_quoted(text))
    return covered


def _add(names: Spans, covered: set[int], name: str, toks: Tokens, tokens: range) -> None:
    names.setdefault(name, []).append((toks.starts[tokens.start], toks.ends[tokens.stop - 1]))
    covered.update(tokens)


def _kazakh_bodies(text: str, toks: Tokens, names: Spans, covered: set[int]) -> None:
    texts = toks.texts
    for i in toks.capitalised_at:
        body = _kazakh_body(texts[i])
        if body is not None:
            _add(names, covered, body, toks, range(i, i + 1))


@lru_cache(maxsize=8_192)
def _kazakh_body(word: str) -> str | None:
    lower = word.lower()
    for body in _KK_BODIES:
        if lower.startswith(body) and len(lower) - len(body) <= _LONGEST_ENDING:
            return body[:1].upper() + body[1:]
    return None


def _kazakh_names(text: str, toks: Tokens, names: Spans, covered: set[int]) -> None:
    """Capitalised word, lower-case words, a head with its possessive."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    for i in toks.capitalised_at:
        if i in covered or not is_cyrillic(texts[i]) or _kazakh_head(texts[i]) is not None:
            continue
        first_word = toks.sentence_start(i)
        for j in range(i + 1, min(i + _MOST_WORDS_BEFORE_HEAD + 1, len(texts))):
            if gaps[j - 1] != " " or capitals[j]:  # the name begins at the last capital
                break
            head = _kazakh_head(texts[j])
            if head is None:
                continue
            if not first_word or head.startswith(_KK_STATE_HEADS):
                _add(names, covered, " ".join([*texts[i:j], head]), toks, range(i, j + 1))
            break


@lru_cache(maxsize=8_192)
def _kazakh_head(word: str) -> str | None:
    """The head word in its nominative with the possessive (министрлігінің ->
    министрлігі), or None when the word is no head or has no possessive."""
    lower = word.lower()
    for stem in _KK_HEADS:
        if lower.startswith(stem):
            return _possessive(lower, stem)
    return None


def _possessive(lower: str, stem: str) -> str | None:
    """The word cut after its possessive ending (-ы, -і, -сы, -сі, with the consonant
    that voices before it: министрлі-гі, агентті-гі), or None without one."""
    rest = lower[len(stem) :]
    for ending in ("гі", "ғы", "сы", "сі", "ы", "і"):
        if rest.startswith(ending):
            return stem + ending
    return None


def _kazakh_quoted(text: str) -> list[str]:
    return [name for name, kind in _KK_QUOTED.findall(text) if kind.lower().startswith(_KK_KINDS)]


def _russian_quoted(text: str) -> list[str]:
    """Quoted names after the kind of organisation they are (компания «...»)."""
    if "«" not in text:
        return []
    found = []
    for match in _QUOTED.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if before is not None and before.group(1).lower().startswith(_RU_KINDS):
            found.append(match.group(1))
    return found


def _quoted(text: str, toks: Tokens, names: Spans, covered: set[int], *, found: list[str]) -> None:
    """Every quoted occurrence of the quoted names found with a kind."""
    starts = {start: i for i, start in enumerate(toks.starts)}
    for name in dict.fromkeys(found):
        if not name[:1].isupper():
            continue
        quoted = f"«{name}»"
        position = text.find(quoted)
        while position >= 0:
            first = starts.get(position + 1)
            end = position + 1 + len(name)
            if first is not None:
                last = first
                while last + 1 < len(toks) and toks.ends[last + 1] <= end:
                    last += 1
                names.setdefault(name, []).append((position + 1, end))
                covered.update(range(first, last + 1))
            position = text.find(quoted, end)


def _russian_bodies(toks: Tokens, names: Spans, covered: set[int], gazetteer: Gazetteer) -> None:
    texts = toks.texts
    for i in toks.capitalised_at:
        word = texts[i]
        if (
            word.lower().startswith(_RU_BODY_PREFIXES)
            and not word.isupper()
            and gazetteer.frequency(word, "ru") < _ORDINARY_ZIPF  # not России, Москвы
        ):
            body = _russian_body(word)
            if body is not None:
                _add(names, covered, body, toks, range(i, i + 1))


@lru_cache(maxsize=8_192)
def _russian_body(word: str) -> str | None:
    """The nominative of a word the dictionary tags as an organisation (Orgn)."""
    for parse in _analyzer().parse(word.lower()):
        if parse.is_known and "Orgn" in parse.tag.grammemes:
            lemma = str(parse.normal_form)
            return lemma[:1].upper() + lemma[1:]
    return None
