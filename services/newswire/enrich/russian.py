"""Russian morphology for people and roles, with pymorphy3 and its OpenCorpora dictionary.

Names are declined (``с президентом Франции Эммануэлем Макроном``): the case of a name is read
from the word that governs it (the role before it, or a preposition), which pymorphy3 knows
well, because its guesses for unknown foreign names are poor (``Хурэлсухом`` would become
``хурэлсухой``); a case the name's first name cannot be in is not the name's, and with no
governor the known first names and surnames tell it. Each word of the name then goes to the
nominative: by the dictionary when it knows the word as a first name or surname (its lemma;
a woman's surname keeps its gender by its ending, ``Захаровой`` -> ``Захарова``) or as an
adjective (``Поперечного`` -> ``Поперечный``), else by the endings of that case (``-ом``,
``-ым``, ``-у``, ``-а``, ``-ии``, ``-аем``), kept only where what is left ends like a name.
pymorphy3's inflection is costly: used only where a lemma will not do.

Besides the nominatives, what the dictionary says of a name's word (``name_facts``: first
name, surname, place, organisation, adjective; Kazakh letters read as Russian ones), of a
role's (``profession_case``: any noun of a person that is no kin) and of the cases a word
may be in.

The analyser is built once, on first use (about 0.1 s and 15 MB), and every word is analysed
once per process (``lru_cache``, bounded): news repeats its names, roles and connectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

import pymorphy3  # type: ignore[import-untyped]  # ships no type information
from pymorphy3.units import DictionaryAnalyzer  # type: ignore[import-untyped]

from newswire.enrich import kazakh
from newswire.enrich.cyrillic_lexicon import RU_NOT_ROLES
from newswire.enrich.lexicon import RU_ROLE_HEADS

_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
# The grammemes that say what kind of proper noun a reading is (OpenCorpora's): a first name,
# surname, patronymic, place, organisation.
_PROPER_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")
# Kazakh letters to the Russian ones a Russian spelling of the same name uses: the dictionary
# knows «Нурсултан» and «Галымжан», so it knows «Нұрсұлтан» and «Ғалымжан» through this.
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_CASES = ("gent", "datv", "accs", "ablt", "loct")
_PARTS_OF_SPEECH = frozenset(pymorphy3.tagset.OpencorporaTag.PARTS_OF_SPEECH)
# OpenCorpora's cases, its second genitive, locative, vocative and others among them: read
# as pymorphy3's ``tag.case`` reads them.
_CASE_GRAMMEMES = frozenset(pymorphy3.tagset.OpencorporaTag.CASES)
_ALL_CASES = frozenset(("nomn", *_CASES))
_INDECLINABLE_ENDINGS = frozenset("еиоуэю")
_FEMININE_ENDINGS = frozenset("ая")
_LIKE_ADJECTIVES = ("ский", "цкий")  # surnames declined as adjectives
_LIKELY = 0.1  # the least score of a reading taken as evidence
_SHORT_PART = 3  # a compound's parts this short are prefixes: экс-, хип-
# The case a preposition gives the name after it: "с Антониу Коштой", "к Си Цзиньпину".
_PREPOSITION_CASES = {
    "с": "ablt", "со": "ablt", "к": "datv", "ко": "datv", "о": "loct", "об": "loct",
    "при": "loct", "у": "gent", "от": "gent", "для": "gent", "без": "gent", "до": "gent",
}  # fmt: skip
_GENITIVE_GOVERNORS = frozenset((
    "словам", "поручению", "приглашению", "инициативе", "имени", "участием", "визит", "визита",
    "визиту", "визите", "слова", "мнению",
))  # fmt: skip
_VOWELS = frozenset("аеёиоуыэюяaeiouy")
# Endings of the oblique cases of Russian and foreign names, longest first, and what replaces
# them in the nominative. Only applied when what remains ends in a consonant (so "Нуртлеу",
# "Пуянне", "Ван И" stay as they are) or, for "-ым", in a surname suffix.
# After a sibilant or ц, "-ем" is the ending of a hard stem (Яваш -> Явашем); after any
# other consonant, of a soft one (Эммануэль -> Эммануэлем, Игорь -> Игоря).
_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "gent": (("ского", "ский"), ("ии", "ия"), ("ая", "ай"), ("ой", "а"), ("а", ""), ("я", "ь")),
    "accs": (("ского", "ский"), ("ию", "ия"), ("ая", "ай"), ("у", "а"), ("а", ""), ("я", "ь")),
    "datv": (("скому", "ский"), ("ии", "ия"), ("аю", "ай"), ("ой", "а"), ("у", ""), ("ю", "ь")),
    "ablt": (
        ("ским", "ский"),
        ("ией", "ия"),
        ("аем", "ай"),  # Карзаем -> Карзай
        ("ым", ""),
        ("ой", "а"),
        ("ей", "я"),
        ("ом", ""),
        ("ем", "ь"),
        ("ём", "ь"),
    ),
    "loct": (("ском", "ский"), ("ии", "ия"), ("ае", "ай"), ("ой", "а"), ("е", "")),
}
_HARD_SIBILANTS = frozenset("жшщчц")
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
_FEMININE_SURNAMES = (
    ("ский", "ская"),
    ("цкий", "цкая"),
    ("ой", "ая"),
    *((e, e + "а") for e in _SURNAME_STEMS),
)


class Analysis(NamedTuple):
    lemma: str
    pos: str | None
    case: str | None
    known: bool  # in the dictionary, not guessed from the ending
    name: bool  # a first name, surname or patronymic
    score: float
    proper: str | None  # Name, Surn, Patr, Geox or Orgn: what proper noun it is
    plural: bool  # «Сапарбаев» is a surname, and the plural genitive of «Сапарбай»
    animate: bool  # a noun of a living being: писатель, сын, лев
    feminine: bool


@cache
def _analyzer() -> Any:
    return pymorphy3.MorphAnalyzer(lang="ru")


# Only capitalised words and the words of roles are analysed; a stream's vocabulary of those
# is small. An entry costs about 1.2 KB: the cache stays near 10 MB.
_CACHED_WORDS = 8_192


@lru_cache(maxsize=_CACHED_WORDS)
def analyses(word: str) -> tuple[Analysis, ...]:
    """pymorphy3's readings of a word, most likely first (plain values: pymorphy3's own parse
    objects would cost half as much again in the cache)."""
    return tuple(map(_reading, _analyzer().parse(word.lower())))


def _reading(parse: Any) -> Analysis:
    grammemes = parse.tag.grammemes  # one set: membership tests, not one property each
    return Analysis(
        parse.normal_form,
        _one_of(grammemes, _PARTS_OF_SPEECH),
        _one_of(grammemes, _CASE_GRAMMEMES),
        _in_dictionary(parse),
        not _NAME_TAGS.isdisjoint(grammemes),
        parse.score,
        next((proper for proper in _PROPER_TAGS if proper in grammemes), None),
        "plur" in grammemes,
        "anim" in grammemes,
        "femn" in grammemes,
    )


def _one_of(grammemes: frozenset[str], kinds: frozenset[str]) -> str | None:
    """The grammeme of a kind a reading has (its part of speech, its case), as a plain
    string; None for none."""
    found = grammemes & kinds
    return str(next(iter(found))) if found else None


def _in_dictionary(parse: Any) -> bool:
    """pymorphy3's ``is_known`` without its dictionary lookup (a costly one, made again for
    each reading): a reading is known when the dictionary alone made it, with no guess
    after (the same answer on every word of the corpora's articles)."""
    stack = parse.methods_stack
    return len(stack) == 1 and isinstance(stack[0][0], DictionaryAnalyzer)


def _plain(grammeme: str | None) -> str | None:
    """A grammeme as a plain string: pymorphy3's own compare and hash in Python, and check
    the other side is a grammeme (readings are compared and counted often)."""
    return None if grammeme is None else str(grammeme)


# What is asked of a word is cached as well: the words before every name are asked again
# (a loop over a dozen readings each time).
@lru_cache(maxsize=_CACHED_WORDS)
def role_head_case(word: str) -> str | None:
    """The case of a role noun (``президентом`` -> ablt), None when the word is no role."""
    # A word with a Kazakh letter is in no Russian dictionary, only guessed at (a third of the
    # words of Kazakh news asked of): the guesses keep the letter in their lemma, no role of ours.
    if kazakh.is_kazakh(word):
        return None
    for reading in analyses(word):
        if reading.pos == "NOUN" and reading.lemma in RU_ROLE_HEADS:
            return reading.case or "nomn"
    return None


def _person_noun(reading: Analysis) -> bool:
    """A common noun of a person the dictionary knows: писатель, сын, американец."""
    return reading.pos == "NOUN" and reading.animate and reading.known and reading.proper is None


def _a_role(reading: Analysis) -> bool:
    return reading.pos == "NOUN" and (
        reading.lemma in RU_ROLE_HEADS
        or (_person_noun(reading) and reading.lemma not in RU_NOT_ROLES)
    )


@lru_cache(maxsize=_CACHED_WORDS)
def profession_case(word: str) -> str | None:
    """The case of a lower-case role word, the role heads of the lexicon and any person's
    noun that is no kin or anyone (``писателя`` -> gent), None when the word is none; of a
    compound the dictionary does not know, its parts' (``журналиста-расследователя``,
    ``хип-хоп-исполнителю``, ``экс-президентов``)."""
    if "-" in word and not any(r.known for r in analyses(word)):
        parts = [part for part in word.split("-") if len(part) > _SHORT_PART]
        return next(filter(None, map(profession_case, parts)), None)
    readings = analyses(word)
    if not readings or readings[0].pos != "NOUN" or readings[0].lemma in RU_NOT_ROLES:
        return None  # not a role, nor a kin noun read otherwise (внучка: внучек)
    return next((r.case or "nomn" for r in readings if _a_role(r)), None)


@lru_cache(maxsize=_CACHED_WORDS)
def person_noun_cases(word: str) -> frozenset[str]:
    """The cases in which a lower-case word is a noun of a person, kin included: a name
    after it in one of them is a person's (``сыну Нарухито``, ``американцу Деуэйну``)."""
    readings = analyses(word)
    if not readings or readings[0].pos != "NOUN":
        return frozenset()
    return frozenset(r.case or "nomn" for r in readings if _person_noun(r))


@lru_cache(maxsize=_CACHED_WORDS)
def lemma(word: str) -> str:
    """The likeliest reading's lemma (the word itself, lower case, when none)."""
    readings = analyses(word)
    return readings[0].lemma if readings else word.lower()


def preposition_case(word: str) -> str | None:
    """The case the word before a name gives it: a preposition's, or the genitive after the
    nouns news puts before a name ("по словам Сунгата Есимханова", "визит Эрдогана")."""
    lower = word.lower()
    if lower in _GENITIVE_GOVERNORS:
        return "gent"
    return _PREPOSITION_CASES.get(lower)


@lru_cache(maxsize=_CACHED_WORDS)
def may_be_genitive(word: str) -> bool:
    """A complement a role can carry: ``министр иностранных дел Азербайджана``."""
    return any(r.case == "gent" or r.pos in ("ADJF", "CONJ") or not r.known for r in analyses(word))


@lru_cache(maxsize=_CACHED_WORDS)
def is_adjective(word: str) -> bool:
    return any(r.pos in ("ADJF", "PRTF") and r.known for r in analyses(word))


def _keep_case(original: str, new: str) -> str:
    """``new`` with the capitals of ``original`` (first letter of each hyphenated part)."""
    parts, source = new.split("-"), original.split("-")
    if len(parts) != len(source):
        return new[:1].upper() + new[1:] if original[:1].isupper() else new
    return "-".join(
        p[:1].upper() + p[1:] if s[:1].isupper() else p for p, s in zip(parts, source, strict=True)
    )


def name_case(words: Sequence[str]) -> str:
    """The case a name is in when nothing governs it: what known first names and surnames
    say; else, for one word, what the dictionary guesses of it as a surname (``Мизамовой``);
    else nomn."""
    votes = _case_votes(words, known=True)
    if not votes and len(words) == 1:
        votes = _case_votes(words, known=False)
    if not votes:
        return "nomn"
    likeliest = max(votes, key=lambda case: votes[case])
    # The nominative unless another case is clearly likelier ("Владимира Путина": the
    # feminine nominative Путина is a rare reading).
    return "nomn" if 2 * votes.get("nomn", 0.0) >= votes[likeliest] else likeliest


def _case_votes(words: Sequence[str], *, known: bool) -> dict[str, float]:
    votes: dict[str, float] = {}
    for word in words:
        for reading in analyses(word):
            if reading.known == known and reading.name and reading.case:
                votes[reading.case] = votes.get(reading.case, 0.0) + reading.score
    return votes


class NameFacts(NamedTuple):
    """What the dictionary says of a capitalised word as a part of a person's name (Kazakh
    letters read as their Russian counterparts)."""

    first_name: bool  # its likeliest reading is a known first name: Дмитрий, Нұрсұлтан
    surname: bool  # a known reading is a surname: Путин, Песков (else «песок»)
    likeliest_name: bool  # its likeliest reading is a known first name, surname, patronymic
    place: bool  # a known reading is a place, the likeliest no name: Анталье, Уфы
    may_be_place: bool  # a known reading is a place, as likely as any name: Астану (Астан)
    name_as_likely: bool  # a known first name or surname, as likely as any place: Абай
    organization: bool  # a known reading is an organisation, the likeliest no name: Лукойла
    adjective: bool  # its likeliest reading is an adjective: Московский, Гегаркуникском
    common: bool  # its likeliest reading is a known word that is no name: Лётчиков
    lemma: str  # of the likeliest reading: Глебом -> глеб


@lru_cache(maxsize=_CACHED_WORDS)
def name_facts(word: str) -> NameFacts:
    russian_spelling = word.translate(_KAZAKH_TO_RUSSIAN)
    readings = analyses(russian_spelling)
    top = readings[0] if readings else None
    if top is None:
        return NameFacts(False, False, False, False, False, False, False, False, False, "")
    adjective = top.pos in ("ADJF", "PRTF") and not top.name
    if not top.known:
        return NameFacts(
            False, False, False, False, False, False, False, adjective, False, top.lemma
        )
    places = _best(readings, ("Geox",))
    names = _best(readings, ("Name", "Surn"))
    return NameFacts(
        first_name=top.proper == "Name" and not top.plural,
        surname=any(r.known and r.proper == "Surn" for r in readings),
        likeliest_name=top.name,
        place=not top.name and any(r.known and r.proper == "Geox" for r in readings),
        may_be_place=places >= _best(readings, ("Name", "Surn", "Patr")),
        name_as_likely=names > 0 and names >= places,
        organization=not top.name and any(r.known and r.proper == "Orgn" for r in readings),
        adjective=adjective,
        # A Kazakh word read with Russian letters is only near a Russian one (Тоқаев: токай).
        common=not top.name and russian_spelling == word,
        lemma=top.lemma,
    )


def _best(readings: tuple[Analysis, ...], kinds: tuple[str, ...]) -> float:
    """The score of the likeliest known reading of those kinds of proper noun (0: none)."""
    return max((r.score for r in readings if r.known and r.proper in kinds), default=0.0)


def modifies(word: str, following: str) -> bool:
    """The word may be an adjective agreeing with the noun or adjective after it:
    «Московского университета», «Московский государственный», «Никитинского суда» (a surname
    like an adjective there is one), but «Навальный предложил»."""
    adjective = {
        r.case
        for r in analyses(word)
        if r.pos in ("ADJF", "PRTF") or (r.proper == "Surn" and r.lemma.endswith(_LIKE_ADJECTIVES))
    }
    return bool(adjective) and any(
        r.pos in ("NOUN", "ADJF", "PRTF") and r.case in adjective for r in analyses(following)
    )


@lru_cache(maxsize=_CACHED_WORDS)
def first_name_cases(word: str) -> frozenset[str]:
    """The cases the word is a known first name in (Kazakh letters read as Russian)."""
    readings = analyses(word.translate(_KAZAKH_TO_RUSSIAN))
    return frozenset(r.case or "nomn" for r in readings if r.known and r.proper == "Name")


@lru_cache(maxsize=_CACHED_WORDS)
def never_a_first_name_in(word: str, case: str) -> bool:
    """The word is a known first name, never a singular one in ``case`` (Александры: no
    nominative but the plural, Alexanders). Not one read only as a plural: that is a
    foreign name the dictionary takes for one (Фрэнки, not Фрэнки = Franks)."""
    named = [r for r in analyses(word) if r.known and r.proper == "Name" and not r.plural]
    return bool(named) and all(r.case != case for r in named)


@lru_cache(maxsize=_CACHED_WORDS)
def plural_role(word: str) -> bool:
    """A reading of the word (of a compound, of its last part: экс-президентов) is a role
    or trade noun in the plural (критики: critics, though read first as критика)."""
    return any(r.plural and _a_role(r) for r in analyses(word.rsplit("-", 1)[-1]))


@lru_cache(maxsize=_CACHED_WORDS)
def role_noun_in(word: str, case: str) -> bool:
    """A reading of the word is a role or trade noun in ``case`` (секретаря: genitive and
    accusative, so accusative after «на»), not another noun (политику: policy)."""
    return any((r.case or "nomn") == case and _a_role(r) for r in analyses(word))


@lru_cache(maxsize=_CACHED_WORDS)
def cases(word: str) -> frozenset[str]:
    """Every case the word may be in, by any reading, known or guessed (and the nominative
    for a word no reading declines: ``Мугабе``; any for an unknown word ending in a vowel
    Russian does not decline by: ``Бейонсе``)."""
    readings = analyses(word)
    if not any(r.known for r in readings) and word[-1:].lower() in _INDECLINABLE_ENDINGS:
        return _ALL_CASES  # a foreign name the dictionary does not know: Бейонсе, Кокаку
    found = {r.case for r in readings if r.case}
    return frozenset(found or {"nomn"})


def name_cases(word: str) -> frozenset[str]:
    """The cases a name word may be in: ``cases``, and the nominative for a word the
    dictionary does not know ending in -а, -я, which it guesses a genitive of, and which
    is as often a foreign name (моряк Мендонса, Зулема Томас)."""
    found = cases(word)
    if word[-1:].lower() in _FEMININE_ENDINGS and not any(r.known for r in analyses(word)):
        return found | {"nomn"}
    return found


@lru_cache(maxsize=_CACHED_WORDS)
def nominative_forms(word: str) -> frozenset[str]:
    """Every nominative a declined name word may come from, lower case: the endings of each
    case undone (``Путиным`` -> путин, ``Медведевой`` -> медведева)."""
    # Endings only, no dictionary: the words compared are names already put in the
    # nominative where the dictionary could (a dictionary lookup of each would cost a
    # fresh analysis: they are not the text's words).
    forms = {word.lower()}
    forms.update(_undo_ending(word, case).lower() for case in _CASES)
    return frozenset(form.replace("ё", "е") for form in forms)


@lru_cache(maxsize=_CACHED_WORDS)
def nominative_word(word: str, case: str) -> str:
    """One word of a name in the nominative, from ``case``."""
    if case == "nomn":
        return word
    readings = analyses(word)
    for index, reading in enumerate(readings):
        if reading.known and reading.case == case and reading.name:
            return _keep_case(word, _known_nominative(word, index, reading))
    adjective = next((r for r in readings if r.known and r.case == case and r.pos == "ADJF"), None)
    if adjective is not None:  # a surname like an adjective: Поперечного -> Поперечный
        return _keep_case(word, _adjective_nominative(adjective))
    return _undo_ending(word, case)


def _adjective_nominative(reading: Analysis) -> str:
    """An adjective's nominative singular in its reading's gender (the lemma is masculine)."""
    lemma = reading.lemma
    if reading.feminine and lemma.endswith(("ый", "ий", "ой")):
        return lemma[:-2] + ("яя" if lemma.endswith("ний") else "ая")
    return lemma


def _known_nominative(word: str, index: int, reading: Analysis) -> str:
    """The nominative of a name the dictionary knows: its lemma, but a woman's surname keeps
    its gender (Захаровой -> Захарова; the lemma is Захаров): by its ending where regular,
    else inflected (pymorphy3's inflection is costly: done only then)."""
    if not (reading.feminine and reading.proper == "Surn"):
        return reading.lemma
    for masculine, feminine in _FEMININE_SURNAMES:
        if reading.lemma.endswith(masculine):
            return reading.lemma[: len(reading.lemma) - len(masculine)] + feminine
    parse = _parse(word, index)
    nominative = parse.inflect({"nomn"})
    return str(nominative.word if nominative else parse.normal_form)


def _undo_ending(word: str, case: str) -> str:
    """The nominative of a name word by the endings of ``case`` (``_ENDINGS``), else the
    word itself."""
    lower = word.lower()
    for ending, replacement in _ENDINGS.get(case, ()):
        if not lower.endswith(ending) or len(lower) - len(ending) < 2:
            continue
        stem = word[: len(word) - len(ending)]
        if ending in ("ым", "ой") and replacement != "а" and not stem.endswith(_SURNAME_STEMS):
            continue
        if stem[-1:].lower() in _VOWELS or stem[-1:] in "ьъ-":
            continue
        hard = replacement == "ь" and stem[-1:].lower() in _HARD_SIBILANTS
        return stem + ("" if hard else replacement)
    return word


def _may_be_in(word: str, case: str) -> bool:
    """A known first name may stand in that case (any other word: may, for all we know)."""
    named = [r for r in analyses(word) if r.known and r.proper == "Name"]
    # A rare reading is no evidence: Дмитрия is a woman's name in the nominative at 2 %.
    return not named or any(r.case == case and r.score >= _LIKELY for r in named)


def nominative_name(words: list[str], case: str | None) -> str:
    return _nominative_name(tuple(words), case)


@lru_cache(maxsize=_CACHED_WORDS)  # names repeat, across articles and within one
def _nominative_name(words: tuple[str, ...], case: str | None) -> str:
    if case is None or not _may_be_in(words[0], case):
        case = name_case(words)  # the role's or preposition's case is not the name's
    return " ".join(nominative_word(word, case) for word in words)


def nominative_role(words: list[str], case: str) -> list[str]:
    """A role's words with its head (and the adjectives before it) in the nominative:
    ``первым заместителем премьер-министра`` -> ``первый заместитель премьер-министра``."""
    return list(_nominative_role(tuple(words), case))


# Roles repeat more than names ("министр иностранных дел"): a role is inflected once.
_CACHED_ROLES = 4_096


@lru_cache(maxsize=_CACHED_ROLES)
def _nominative_role(words: tuple[str, ...], case: str) -> tuple[str, ...]:
    """The head to its lemma (nominative singular: a plural role before a list of names is
    each one's, музыкантами -> музыкант), the adjectives before it to the nominative singular
    of its gender (lemmas, masculine, unless the head is feminine: inflected then)."""
    out = list(words)
    feminine = any(r.feminine for w in words for r in analyses(w) if r.case == case and _a_role(r))
    for i, word in enumerate(words):
        if "-" in word and not any(r.known for r in analyses(word)) and profession_case(word):
            out[i] = "-".join(_nominative_part(part, case) for part in word.split("-"))
            break
        index, target = next(
            (
                (index, r)
                for index, r in enumerate(analyses(word))
                if r.case == case and (_a_role(r) or (r.pos in ("ADJF", "PRTF") and r.known))
            ),
            (0, None),
        )
        if target is None:
            continue
        # An adjective agrees with the head after it; once a head is passed, the rest are
        # its complements ("министра иностранных дел": "иностранных" stays).
        if _a_role(target) or (target.pos == "ADJF" and not feminine):
            out[i] = _keep_case(word, target.lemma)
        else:  # a participle's lemma is its verb: "действующего" -> "действующий"
            gender = "femn" if feminine else "masc"
            inflected = _parse(word, index).inflect({"nomn", "sing", gender})
            out[i] = _keep_case(word, inflected.word) if inflected else word
        if _a_role(target):
            break
    return tuple(out)


def _nominative_part(part: str, case: str) -> str:
    """A part of a compound role in the nominative: its lemma where it is a noun in the
    case (журналиста-расследователя -> журналист-расследователь), else itself."""
    reading = next((r for r in analyses(part) if r.case == case and r.pos == "NOUN"), None)
    return part if reading is None else _keep_case(part, reading.lemma)


def _parse(word: str, index: int) -> Any:
    """pymorphy3's own parse behind ``analyses(word)[index]``, which can inflect: made again
    only for the words that are inflected (the readings are what is cached)."""
    return _analyzer().parse(word.lower())[index]
