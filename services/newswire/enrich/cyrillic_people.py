"""People and their roles in Russian and Kazakh articles, named in the nominative.

A name is one to three capitalised Cyrillic words that may be names (not role nouns,
countries, declined places or common dictionary words; after a first name any word but a
role or a country: ``Андрей Пучков``), with particles (``бин``, ``ван``) and a regnal number
(``Елизавета II``). A first name after a surname starts another name (``Владимира Путина |
Дмитрий Песков``); a sentence's first word before a first name is no part of it.

It counts as a person with evidence, and pymorphy3's grammemes (Name, Surn, Patr, Geox,
Orgn) give most of it:

- a full name: a role before it, a speech verb beside it, a known first name, a surname's
  ending, a known name as its last word, a noun of a person or an age before it
  (``французу Анаклету Вамбе``, ``29-летний Брендт Кристенсен``);
- one word: a role in its case right before it, a speech verb (in the nominative), a known
  surname (``Путин``, ``Песков``), a common first name alone, a surname's ending on a word
  the dictionary does not know otherwise (``Тоқаевтың``); at a sentence's start only a
  likeliest name reading or a surname's ending. Never: an adjective before its noun, a
  word in quotes, after «в», after the noun of what it names (``агентство Рейтер``);
- Kazakh: a name said in address (``Қайырлы күн, Динара!``); never a compound's head with
  the possessive (``Сауд Арабиясы``) or a bare name before a possessed noun of a place
  (``Сайын даңғылы``);
- a name without evidence listed with a person's is one; a word that is a form of a
  found person's surname or first name is a mention of them wherever it stands.

Roles stand before the name in both languages, but are built differently:

- Russian: a role noun (the lexicon's or any noun of a person pymorphy3 knows that is no
  kin) with its complements, in the case the sentence gives the name (``с президентом
  Франции Эммануэлем Макроном``); the role noun's case (or the preposition's, when there is
  no role) tells the name's, and both come out in the nominative singular (``президент
  Франции``, ``Эммануэль Макрон``); a plural role is each listed name's; else a role in
  apposition after the name, or in the instrumental after a verb of being;
- Kazakh: complements first, the role noun last with its possessive
  (``Қазақстанның көлік министрі``, ``Президенттің көмекшісі``); the case suffix goes on
  the name's last word (``Ердоғанмен``) and is taken off.

Mentions are grouped into persons by every form of their names (``persons.persons_by_surname``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswire.core.models import Person
from newswire.enrich import kazakh, russian
from newswire.enrich.cyrillic_lexicon import (
    KK_GREETING_ENDS,
    KK_NAMED_THING_STEMS,
    KK_TITLE_STEMS,
    RU_EMPLOYED_TRADES,
    RU_KIN,
    RU_NAMED_THING_NOUNS,
    RU_ROLE_VERBS,
    RU_TITLES,
)
from newswire.enrich.document import Document
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.given_names import kazakh_given_names
from newswire.enrich.lexicon import KK_NOT_NAMES, KK_SPEECH_VERBS, RU_SPEECH_VERBS
from newswire.enrich.person_key import person_key
from newswire.enrich.persons import persons_by_surname
from newswire.enrich.text import Memo, Mention, Tokens, is_cyrillic, word_memo

_MAX_NAME_WORDS = 3
_PATRONYMIC_ENDINGS = ("ұлы", "қызы", "улы", "кызы")
_SYLLABLE = 3  # letters of a syllable of a name at most: Ван, Аль, Ким
_MAX_INITIAL = 3  # letters of an initial: В., Дж.
_MIN_ALONE = 2  # letters of a name alone at least: "М." is an initial
_ROMAN = re.compile("[IVX]{1,5}")
_AGES = ("летн",)  # "29-летний", "60-летняя": an age before a name
_AGE_GAP = re.compile(r" \d+-")
_TRAILING_AGE = re.compile(r"\s+\d+-летн\w*$")
_PLACE_PREPOSITIONS = frozenset(("в", "во", "на", "из", "под", "над"))
_OPENING_QUOTES = ("«", '"', "“", "„")
_CLOSING_QUOTES = ("»", '"', "”", "“")
# Lower-case words inside Arabic, Dutch, German and French names: Тамим бин Хамад Аль Тани.
_NAME_PARTICLES = frozenset(("бин", "ибн", "бен", "аль", "ван", "фон", "де", "ди", "дель"))
_MAX_ROLE_WORDS = 14
_MAX_KK_LOWER_WORDS = 3  # "сыртқы істер министрі", "ауыл шаруашылығы министрі"
_DASHES = (" – ", " - ", " — ")
_APPOSITION_GAPS = (", ", *_DASHES)
# Gaps inside a role: an organisation's name in quotes belongs to it («Глава
# «Металлоинвеста» Андрей Варичев»).
_ROLE_GAPS = frozenset((" ", " «", "» ", *_DASHES))
_MAX_ASIDE_WORDS = 3  # an aside inside a role: «(ФБК)», «(Роскомнадзора)»
_LATIN_NAME = re.compile("[A-Z][a-z]")  # a word like a name's in Latin letters
_KEY_FORM = "key:"  # a form that is a cross-language key, never a word
_CLAUSE_ENDS = frozenset(".!?,;")
_SENTENCE_ENDS = frozenset(".!?")
_MAX_ADJECTIVES = 3
_LIST_GAP_WORDS = 12  # words between two listed names at most (an aside in parentheses)
_SHORTEST_NOUN = 3  # letters: сын, мэр; shorter words are no nouns of people or places
_NO_ROLE_STARTS = ("котор", "что", "когда", "где", "чтобы", "если", "как")
_INSTRUMENTAL = ("ом", "ем", "ём", "ой", "ей", "ым", "им", "ами", "ями", "ою", "ею")
_SAID_WITHIN = 8  # words after a name a verb of being may stand at
_ROLE_AFTER_VERB = 4  # words after that verb its role may stand at («был назначен ...»)
_ASIDE = re.compile(r"\([^()]{0,80}\)")  # "(проект «Метро»)" between two listed names
_LIST_SEPARATOR = re.compile(r"\s*(?:,|и|а также)?\s*")
# A possessive, alone or after the plural (then any case): ауданы, даңғылдары, аулындағы.
_THING_ENDINGS = ("ы", "і", "сы", "сі", "дары", "дері", "лары", "лері", "тары", "тері")
_LIST_CONJUNCTIONS = frozenset(("и", "және", "мен", "бен", "пен"))
# Second-person words that open what is said to someone addressed: сіз, сізде, сөз, кезек.
_ADDRESS_STARTS = ("сіз", "өзіңіз", "сөз", "кезек", "сәлеметсіз", "қайырлы", "рақмет")
# Not "-лы", "-лі" alone: Kazakh adjectives end so (Көпбалалы, Қайырлы); "-ұлы" surnames do.
_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ова", "ева", "ина", "ский", "ская", "ко", "ук", "юк", "ұлы", "қызы",
    "швили", "дзе", "ян",
)  # fmt: skip
_NATIONAL = ("country", "demonym", "capital")
_ROLE_PREPOSITIONS = frozenset(("в", "во", "по", "при"))
# Before a noun of a person, these take the accusative («ссылкой на пресс-секретаря»).
_ACCUSATIVE_OF_PERSONS = frozenset(("на", "про", "через"))
_LIST_OPENERS = frozenset(("среди которых", "среди них", "в том числе"))
_COMPLEMENT_PREPOSITIONS = frozenset(("в", "во", "по", "при", "с", "со", "за", "от", "для"))
# Locative, dative and ablative endings: a word in them is no part of a role.
_KK_ADVERBIAL = (
    "да", "де", "та", "те", "нда", "нде", "ға", "ге", "қа", "ке", "на", "не", "дан", "ден", "тан",
    "тен", "нан", "нен",
)  # fmt: skip
_KK_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_ONE_WORD_VERBS = RU_SPEECH_VERBS | {verb for verb in KK_SPEECH_VERBS if " " not in verb}
_LAST_OF_TWO_WORD_VERBS = frozenset(verb.split()[-1] for verb in KK_SPEECH_VERBS if " " in verb)
_SPEECH_LAST_WORDS = RU_SPEECH_VERBS | {verb.split()[-1] for verb in KK_SPEECH_VERBS}


# Capitalised words repeat (names, places, role words): each is judged once per process, in
# bounded memos.


@lru_cache(maxsize=4)  # one gazetteer, for Russian and for Kazakh text
def _name_word_kinds(gazetteer: Gazetteer, kazakh_text: bool) -> Memo[bool | None]:
    """``_word_kind`` of capitalised words by the word alone (False when not Cyrillic): a dict
    lookup, cheap enough to run over every capitalised word of an article."""

    def kind(word: str) -> bool | None:
        return is_cyrillic(word) and _word_kind(word, gazetteer, kazakh_text)

    return word_memo(kind)


@lru_cache(maxsize=4)
def _surname_words(gazetteer: Gazetteer, kazakh_text: bool) -> Memo[bool]:
    """Whether a capitalised word may be the surname after a first name: any Cyrillic word
    but a role, a title or a country (``Юрий Царёв``, ``Алехандро Толедо``, ``Андрей Пучков``:
    after a first name, a dictionary word or a city's name is a surname)."""

    def may_be(word: str) -> bool:
        return is_cyrillic(word) and not _never_a_name(word, gazetteer, kazakh_text)

    return word_memo(may_be)


def _word_kind(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool | None:
    """Whether a capitalised Cyrillic word may be part of a name; None for a syllable of a
    Chinese or Korean name (Ван И, Си Цзиньпин), which may be one anywhere but at the start
    of a sentence."""
    if _never_a_name(word, gazetteer, kazakh_text):
        return False
    if len(word) <= 3:
        return None
    if _a_place_here(word, gazetteer, kazakh_text):
        return False
    # A word with a Kazakh letter is in no Russian dictionary: a Kazakh name, as below.
    readings = () if kazakh.is_kazakh(word) else russian.analyses(word)
    if any(r.known and r.name for r in readings):  # a first name or surname: Роман, Мурат
        return True
    if any(r.known for r in readings):  # a dictionary word: only a rare noun (Токаев: "токай")
        return readings[0].pos == "NOUN" and gazetteer.frequency(word, "ru") < _RARE_ZIPF
    return True  # a word no dictionary knows: a foreign or Kazakh name


def _a_place_here(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    """A city by its exact name, a declined place or organisation no name reads ("в
    Анталье", "Лукойла"), a place the gazetteer knows that the dictionary reads as a name
    no likelier ("в Астану": Астан). Not in Kazakh text a word whose stem the dictionary
    reads as a name at least as likely (Абай, Абайдың, Ермак, Панфилов): Kazakh names a
    place after a person with its noun (Абай ауданы, Ермак қаласы; ``_kazakh_verdict``)."""
    if kazakh_text and russian.name_facts(kazakh.without_case(word)).name_as_likely:
        return False
    facts = russian.name_facts(word)
    return (
        _a_city(word, gazetteer, kazakh_text)
        or facts.place
        or facts.organization
        or (facts.may_be_place and gazetteer.place(word, "kk" if kazakh_text else "ru") is not None)
    )


def _never_a_name(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    """Words no name has: all capitals, role nouns and titles, countries and capitals."""
    lower = word.lower()
    return (
        (word.isupper() and len(word) > 1)
        or lower in KK_NOT_NAMES
        or kazakh.is_role_head(word)
        or (kazakh_text and lower.startswith(_KK_ROLE_STEMS))  # "Президентін"
        or lower.startswith(KK_TITLE_STEMS)  # "Елбасы", "Елбасымыз"
        or _a_country(word, gazetteer, kazakh_text)
        or (len(word) > 3 and russian.role_head_case(word) is not None)  # "Аким": a name too
        # A compound of a role or a trade opening a sentence: "Экс-президент", "Поп-звезда";
        # one of a country or a continent: "Азия-Тынық" (Asia-Pacific).
        or ("-" in word and russian.profession_case(lower) is not None)
        or ("-" in word and _a_region_of_the_world(word.split("-", 1)[0], gazetteer))
    )


def _a_region_of_the_world(word: str, gazetteer: Gazetteer) -> bool:
    place = gazetteer.place(word) if len(word) > _SYLLABLE else None
    return place is not None and (place.kind in _NATIONAL or place.kind == "area")


def _a_country(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    """Countries and capitals in any case ("Франции", "Әзірбайжан")."""
    if len(word) <= 3:
        return False
    place = gazetteer.place(word, "kk" if kazakh_text else "ru")
    return place is not None and place.kind in _NATIONAL


def _a_city(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    """A city by its exact name: its Russian declined forms collide with surnames
    ("Пуянне"); in Kazakh text, with a case suffix too ("Петропавлда", "Нью-Йоркте")."""
    if kazakh_text:
        known = gazetteer.place(word, "kk") is not None
    else:
        known = word.lower() in gazetteer.places
    if not known:
        return False
    # A city whose likeliest reading is a first name is the name here: Мадина, not Medina
    # (Алматы, Астана are read as places first).
    likeliest = russian.analyses(word)[0]
    return not (likeliest.known and likeliest.name)


_RARE_ZIPF = 2.5
_COMMON_FIRST_NAME_ZIPF = 3.0
_KK_ROLE_STEMS = ("президент", "министр", "премьер", "вице-", "төраға", "әкім", "елші", "басшы")


def _russian_role(toks: Tokens, first: int, barrier: int) -> tuple[str | None, str | None]:
    """The role before a Russian name, in the nominative, and the name's case it shows."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    span: list[int] = []
    head: int | None = None  # the role noun nearest the start of the role
    head_case: str | None = None
    nearest: tuple[int, str] | None = None  # the role noun nearest the name, and its case
    # The name may open a list after a plural role: then only a plural role counts.
    k, listed = _list_opened(toks, first, barrier)
    end = k  # the role's last word
    aside = False  # the word k stands before an aside in parentheses
    while k > barrier and len(span) < _MAX_ROLE_WORDS:
        gap = " " if listed and not span else gaps[k]
        if gap == ") " and not aside:  # «пресс-секретаря Фонда (ФБК) Киру Ярмыш»
            opening = _aside_opening(toks, k, barrier)
            if opening is None:
                break
            span.extend(range(k, opening - 1, -1))
            k, aside = opening - 1, True
            continue
        if gap not in _ROLE_GAPS and not (aside and gap == " (") and not _an_age_at(toks, k + 1):
            break
        aside = False
        word = texts[k]
        lower = word.lower()
        if lower == "и" and _role_word(texts[k + 1]):
            break  # "акимы областей и министр энергетики": two roles, the name has the second
        readings = russian.analyses(word)
        # "Посол Италии в Казахстане", "директор банка по Центральной Азии": a preposition
        # before a capitalised word stays inside the role; so does one in the complement
        # before any role noun is met ("Фонда борьбы с коррупцией", "по контролю за
        # оборотом"), not one before another person's role ("с министром ... с журналистом").
        inside = (lower in _ROLE_PREPOSITIONS and capitals[k + 1]) or (
            nearest is None
            and lower in _COMPLEMENT_PREPOSITIONS
            and k + 2 < first  # not «по делу Ивана Голунова»: that object is the name's
        )
        if (
            not inside
            and readings[0].known
            and readings[0].pos in ("PREP", "VERB", "INFN", "PRTS", "GRND")
        ):
            break
        word_case = russian.role_head_case(word)
        if word_case is None and (
            not capitals[k] or toks.sentence_start(k) or russian.lemma(word) in RU_TITLES
        ):  # писатель, «Режиссёр Георгий Данелия», «Папа Иоанн Павел II»
            word_case = russian.profession_case(word)
        if not (
            capitals[k]
            or inside
            or word_case is not None
            or russian.may_be_genitive(word)
            # the object of a preposition of the complement: «борьбы с коррупцией»
            or (
                nearest is None
                and k > 0
                and k + 1 < first
                and toks.lower(k - 1) in _COMPLEMENT_PREPOSITIONS
            )
        ):
            break
        if word_case is not None:
            head, head_case = k, word_case
            nearest = nearest or (k, word_case)
        span.append(k)
        k -= 1
    if head is None or head_case is None or nearest is None:
        return None, None
    if listed and not russian.plural_role(texts[head]):
        return None, None
    role, case = _role_of_name(toks, first, end, span, head=(head, head_case), nearest=nearest)
    # The names of a list opened after the role are in their own case (the nominative,
    # mostly), not the role's: «экс-президентов: Иван Петров».
    return role, (None if listed else case)


def _list_opened(toks: Tokens, first: int, barrier: int) -> tuple[int, bool]:
    """Where a role before the name at ``first`` may end: the word before it, or before
    what opens a list («пять экс-президентов: Альберто Фухимори», «писатели, среди которых
    — Павел Басинский», «музыканты, в том числе Юрий Царёв»), and whether a list is opened."""
    gaps = toks.gaps_after
    before = first - 1
    if before <= barrier:
        return before, False
    if gaps[before] == ": ":
        return before, True
    for size in (2, 3):  # «среди них», «в том числе»
        opener = first - size
        if opener - 1 <= barrier:
            break
        if (
            gaps[opener - 1] == ", "
            and gaps[before].strip() in ("", "—", "–", "-", ":")
            and all(gaps[k] == " " for k in range(opener, before))
            and " ".join(toks.texts[opener:first]).lower() in _LIST_OPENERS
        ):
            return opener - 1, True
    return before, False


def _role_of_name(
    toks: Tokens,
    first: int,
    end: int,
    span: list[int],
    *,
    head: tuple[int, str],
    nearest: tuple[int, str],
) -> tuple[str | None, str]:
    """The role ending at word ``end`` before the name at ``first``, from its start-most
    role noun ``head`` or the one ``nearest`` the name (words ``span``), and the case it
    gives the name."""
    texts = toks.texts
    # «главой штаба телеведущей Ксении Собчак»: the role the name is in the case of is its
    # own, the farther one is another's.
    name_cases = russian.name_cases(texts[first])
    if head[1] not in name_cases and nearest[1] in name_cases:
        head = nearest
    noun, case = head
    start = noun
    while (
        start - 1 in span
        and russian.is_adjective(texts[start - 1])
        and not _an_age_at(toks, start - 1)  # «15-летней певице»: the age is no role's
    ):
        start -= 1
    # «со ссылкой на пресс-секретаря ... Киру»: a preposition before the role gives it the
    # case the name is in, where the dictionary read the genitive first.
    if case not in name_cases and start > 0 and toks.gaps_after[start - 1] == " ":
        before = toks.lower(start - 1)
        governed = "accs" if before in _ACCUSATIVE_OF_PERSONS else russian.preposition_case(before)
        if governed in name_cases and russian.role_noun_in(texts[noun], governed):
            case = governed
    return _role_words(toks, start, end, case), case


def _role_words(toks: Tokens, start: int, end: int, case: str) -> str | None:
    """The role of words ``start`` to ``end``, in the nominative, segment by segment:
    "Заместитель Премьер-министра – министр иностранных дел"."""
    texts, gaps = toks.texts, toks.gaps_after
    pieces: list[str] = []
    segment_start = start
    for j in range(start, end + 1):
        if j == end or gaps[j] in _DASHES:
            words = russian.nominative_role(texts[segment_start : j + 1], case)
            pieces.append(
                "".join(
                    w + (gaps[s] if s != end else "")
                    for w, s in zip(words, range(segment_start, j + 1), strict=True)
                )
            )
            segment_start = j + 1
    role = _TRAILING_AGE.sub("", "".join(pieces)).strip(" ,–-—")
    if role.count("«") > role.count("»"):
        role += "»"  # «Глава «Металлоинвеста»»: the closing mark is in the gap before the name
    if role.count("(") > role.count(")"):
        role += ")"  # «пресс-секретарь Фонда (ФБК)»: so is the closing parenthesis
    return role or None


def _aside_opening(toks: Tokens, close: int, barrier: int) -> int | None:
    """The first word of a short aside in parentheses ending at word ``close`` (an
    acronym, an organisation's short name), None when there is none."""
    gaps = toks.gaps_after
    for j in range(close, max(barrier + 1, close - _MAX_ASIDE_WORDS + 1) - 1, -1):
        if j - 1 <= barrier:
            return None
        if gaps[j - 1] == " (":
            return j
        if gaps[j - 1] != " ":
            return None
    return None


def _kazakh_role(
    text: str, toks: Tokens, first: int, barrier: int, gazetteer: Gazetteer
) -> str | None:
    """The role before a Kazakh name: complements, then the role noun next to the name."""
    texts, gaps = toks.texts, toks.gaps_after
    head = first - 1
    if head <= barrier or gaps[head] != " ":
        return None
    word = texts[head]
    if not (
        kazakh.is_role_head(word)
        or russian.role_head_case(word) == "nomn"
        or _possessed_by_complement(toks, head, barrier)
    ):
        return None
    # Right before the role noun, up to three lower-case words ("сыртқы істер министрі");
    # before those, only capitalised words and genitives ("Қазақстан Республикасының").
    # An organisation's name in quotes belongs to it: «Қазатомөнеркәсіп» ҰАК басқарма төрағасы.
    start, k, lower = head, head - 1, 0
    if not (kazakh.is_role_noun(word) or russian.role_head_case(word) is not None):
        # a profession or a possessed noun: its genitives and capitalised complements only
        lower = _MAX_KK_LOWER_WORDS
    while k > barrier and gaps[k] in (" ", "» "):
        sentence_start = toks.sentence_start(k)
        word_lower = texts[k].lower()
        if sentence_start and lower < _MAX_KK_LOWER_WORDS:
            # Capitalised for the sentence ("Мемлекет басшысы", "Ауыл шаруашылығы министрі"),
            # unless it is an adverbial in a case ("Кездесуде әкім ...").
            if word_lower in gazetteer.places or not word_lower.endswith(_KK_ADVERBIAL):
                start = k
            break
        if toks.capitals[k] or word_lower.endswith(_KK_GENITIVE):
            lower = _MAX_KK_LOWER_WORDS
            if sentence_start and not (
                word_lower.endswith(_KK_GENITIVE)
                or gazetteer.place(texts[k], "kk")
                or gaps[k].startswith("»")
            ):
                break
        elif lower < _MAX_KK_LOWER_WORDS and word_lower not in _SPEECH_LAST_WORDS:
            lower += 1
        else:
            break
        start = k
        if sentence_start:
            break
        k -= 1
    begin = toks.starts[start]
    if begin > 0 and text[begin - 1] == "«":
        begin -= 1
    return text[begin : toks.ends[head]]


def _possessed_by_complement(toks: Tokens, head: int, barrier: int) -> bool:
    """A Kazakh noun with the possessive after its complement, a genitive or a capitalised
    word, right before a name: a role («Президенттің көмекшісі», «Халық әртісі»)."""
    word = toks.texts[head]
    complement = head - 1
    if complement <= barrier or toks.gaps_after[complement] != " ":
        return False
    if toks.capitals[head] and not toks.sentence_start(head):
        return False
    before = toks.texts[complement]
    return kazakh.has_possessive(word) and (
        (toks.capitals[complement] and not toks.sentence_start(complement))
        or before.lower().endswith(_KK_GENITIVE)
    )


def _verb_ends_at(toks: Tokens, k: int) -> bool:
    """A speech verb ends at token k ("отметила", "деді", "атап өтті")."""
    if k < 0 or k >= len(toks.texts):
        return False
    word = toks.lower(k)
    if word in _ONE_WORD_VERBS:
        return True
    return (
        word in _LAST_OF_TWO_WORD_VERBS
        and k > 0
        and f"{toks.lower(k - 1)} {word}" in KK_SPEECH_VERBS
    )


def _speaks(toks: Tokens, first: int, last: int) -> bool:
    gaps = toks.gaps_after
    before = _verb_ends_at(toks, first - 1) and gaps[first - 1] == " "
    after = (
        last + 1 < len(toks.texts)
        and gaps[last] == " "
        and (_verb_ends_at(toks, last + 1) or _verb_ends_at(toks, last + 2))
    )
    return before or after


def _ends_like_surname(name: str, *, kazakh_text: bool) -> bool:
    """The name's last word, in the nominative, ends like a surname (-ов, -ева, -ұлы)."""
    last = name.rsplit(maxsplit=1)[-1].lower()
    return last.endswith(_SURNAME_ENDINGS) or (
        kazakh_text and kazakh.without_case(last).endswith(_SURNAME_ENDINGS)
    )


def _opens_a_name(word: str) -> bool:
    """A first name: the likeliest reading of the word (Kazakh letters read as Russian)."""
    return russian.name_facts(word).first_name


def _name_like(word: str) -> bool:
    """A word that is surely part of a name: a known name's likeliest reading, or the
    ending of a surname (``Тоқаевтың``)."""
    return russian.name_facts(word).likeliest_name or kazakh.without_case(word).lower().endswith(
        _SURNAME_ENDINGS
    )


def _run_end(
    toks: Tokens,
    i: int,
    taken: set[int],
    kind_of: Memo[bool | None],
    surname_words: Memo[bool],
    *,
    kazakh_text: bool,
) -> int:
    """The last word of the name that starts at word i: up to three capitalised name words,
    ending at a Kazakh case suffix, and before a first name that follows a word that is no
    first name (``Владимира Путина | Дмитрий Песков``: a new name begins)."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    count = len(texts)
    last = i
    particles = 0
    while True:
        # "Тамим бин Хамад Аль Тани": a particle between two name words is part of the name,
        # not counted among its words.
        if (
            last + 2 < count
            and texts[last + 1] in _NAME_PARTICLES
            and gaps[last] == " "
            and gaps[last + 1] == " "
            and capitals[last + 2]
            and last + 2 not in taken
            and surname_words[texts[last + 2]]
            and last - i - particles + 1 < _MAX_NAME_WORDS + 1
        ):
            last += 2
            particles += 1
            continue
        if not _continues_name(
            toks,
            i,
            last,
            particles=particles,
            taken=taken,
            kind_of=kind_of,
            surname_words=surname_words,
            kazakh_text=kazakh_text,
        ):
            return last + 1 if _numeral_after(toks, last) else last
        last += 1


def _numeral_after(toks: Tokens, last: int) -> bool:
    """A regnal number follows the name: «Елизавета II», «Иоанн Павел II»."""
    following = last + 1
    return (
        following < len(toks.texts)
        and toks.gaps_after[last] == " "
        and _ROMAN.fullmatch(toks.texts[following]) is not None
    )


def _continues_name(
    toks: Tokens,
    i: int,
    last: int,
    *,
    particles: int,
    taken: set[int],
    kind_of: Memo[bool | None],
    surname_words: Memo[bool],
    kazakh_text: bool,
) -> bool:
    """Whether the name ``i..last`` goes on with the next word (``_run_end``)."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    return (
        last + 1 < len(texts)
        and last + 1 - i - particles < _MAX_NAME_WORDS + particles
        and last + 1 not in taken
        # Only a space between: the next word starts no sentence, and a syllable of a
        # Chinese name (kind None) may be part of the name there.
        and gaps[last] == " "
        and capitals[last + 1]
        and (
            kind_of[texts[last + 1]] is not False
            or (bool(russian.first_name_cases(texts[last])) and surname_words[texts[last + 1]])
        )
        # A Kazakh name ends at the word with the case suffix ("Николя Мауимен Парижде").
        and not (kazakh_text and kazakh.without_case(texts[last]) != texts[last])
        and not _starts_another_name(texts[last], texts[last + 1], kazakh_text=kazakh_text)
        and not (
            last > i
            and _ends_like_surname(texts[last], kazakh_text=kazakh_text)
            # a Kazakh patronymic comes before the surname: Қасым-Жомарт Кемелұлы Тоқаев
            and not texts[last].lower().endswith(_PATRONYMIC_ENDINGS)
        )
    )


def _starts_another_name(word: str, following: str, *, kazakh_text: bool) -> bool:
    """A first name after a word that is none starts another name (``Владимира Путина |
    Дмитрий Песков``), except after a Kazakh surname: Kazakh lists put it first
    (``Қосанов Әміржан``)."""
    if not _opens_a_name(following) or _opens_a_name(word) or len(word) <= _SYLLABLE:
        return False  # after a first name or a syllable ("Аль Тани") the name goes on
    if kazakh_text:
        return not _ends_like_surname(word, kazakh_text=True)
    # Russian: after a surname (Путина | Дмитрий), or in a case the word before cannot
    # share; after another word in its case, the name goes on (Деуэйну Джонсону).
    return (
        russian.name_facts(word).surname
        or _ends_like_surname(word, kazakh_text=False)
        or russian.name_cases(word).isdisjoint(russian.first_name_cases(following))
    )


def _has_evidence(
    toks: Tokens,
    first: int,
    last: int,
    *,
    gazetteer: Gazetteer,
    name: str,
    role: tuple[str | None, str | None],
    kazakh_text: bool,
) -> bool:
    """Whether a run of name words is a person: a role before it, a speech verb beside it;
    for a full name, a first name the dictionary knows, a surname's ending, or a noun of a
    person before it; for one word, see ``_one_word_evidence``."""
    word = toks.texts[first]
    verdict = _kazakh_verdict(toks, first, last) if kazakh_text else None
    if verdict is not None:
        return verdict
    facts = russian.name_facts(kazakh.without_case(word) if kazakh_text else word)
    surname_ending = _ends_like_surname(name, kazakh_text=kazakh_text)
    if first != last:
        return (
            role[0] is not None
            or _speaks(toks, first, last)
            or facts.first_name
            # a Kazakh given name before a word no Russian dictionary holds (Әсел Мәркен;
            # not Алтын Орда, the Golden Horde)
            or (
                kazakh_text
                and _kazakh_given(word)
                and not russian.name_facts(toks.texts[last]).common
            )
            or surname_ending
            or russian.name_facts(toks.texts[last]).likeliest_name  # Деуэйну Джонсону
            or _after_a_person_noun(toks, first)
        )
    if _quoted(toks, first, last):
        return False  # «Металлоинвеста», «Афоня»: a title in quotes
    name_like = facts.surname or facts.first_name or surname_ending
    # A role in the word's case (not "главой Рособрнадзора"), right before it or before a
    # word like a name: after a role's complement, an unknown word is another one ("главарём
    # клана Гамбино").
    cases = russian.cases(word)
    role_fits = role[0] is not None and (role[1] is None or role[1] in russian.name_cases(word))
    # Right after a role in the genitive, a word in it may as well be its complement
    # («архиепископа Ньюарка»): then only one like a name.
    # After the role's country, a word not in the dictionary names the holder («Император
    # Японии Акихито», «президента Франции Макрона»).
    if role_fits and (
        name_like
        or (role[1] not in ("gent", "accs") and _role_word(toks.texts[first - 1]))
        or (not facts.common and _a_country(toks.texts[first - 1], gazetteer, kazakh_text))
    ):
        return True
    if _not_a_name_alone(toks, first):
        return False
    # A speaker is named in the nominative («заявил Путин»; not «от Афросоюза заявил»).
    return (
        ("nomn" in cases and _speaks(toks, first, last))
        or _one_word_evidence(
            toks,
            first,
            facts,
            gazetteer=gazetteer,
            surname_ending=surname_ending,
            kazakh_text=kazakh_text,
        )
        # «сын Гидеон», «певицы Бейонсе»
        or ((facts.first_name or not facts.common) and _after_a_person_noun(toks, first))
        or (not kazakh_text and _named_by_kin(toks, first, gazetteer))  # «дочь Стефани»
    )


def _kazakh_verdict(toks: Tokens, first: int, last: int) -> bool | None:
    """What Kazakh text alone decides: a compound name's head with the possessive, or a
    name before a noun of a place or an event, is no person's ("Сауд Арабиясы", "Ұлттар
    Ұйымы", "Сайын даңғылы"), a name said in address is one; else None."""
    if kazakh.has_possessive(toks.texts[last]) or _names_a_thing(toks, last):
        return False
    return True if _addressed(toks, first, last) else None


def _names_a_thing(toks: Tokens, last: int) -> bool:
    """A bare Kazakh name before a noun of a place, building or event: «Сайын даңғылы»,
    «Бірлік ауылында», «Жаңа жылдың»."""
    following = last + 1
    return (
        following < len(toks.texts)
        and toks.gaps_after[last] == " "
        and not toks.capitals[following]
        and kazakh.without_case(toks.texts[last]) == toks.texts[last]
        and _a_named_thing(toks.lower(following))
    )


def _a_named_thing(word: str) -> bool:
    """A noun of a place, building or event with the possessive that makes it a compound's
    head (ауданы, даңғылдары, аулындағы, көшесі): not a word that only begins like one
    (қалады, көлік)."""
    for stem in KK_NAMED_THING_STEMS:
        if word.startswith(stem):
            # Bare or in another case it is the verb's object: «Тоқаев облыс басшылығына».
            return word[len(stem) :].startswith(_THING_ENDINGS)
    return False


def _addressed(toks: Tokens, first: int, last: int) -> bool:
    """A name said in address, as a Kazakh anchor hands over: after a greeting or thanks
    («Қайырлы күн, Динара!», «Рақмет, Зейін.»), or opening a sentence that speaks to them
    («Лаура, кезек сізде»); a first name set off by a comma at either end of a sentence
    («Индира, сонымен ...», «Менде әзірге осы, Динара.»): one of the given names common in
    Kazakhstan (Сағыныш), or one the Russian dictionary knows as written (not Әрине)."""
    texts, gaps = toks.texts, toks.gaps_after
    after = gaps[last]
    comma_before = first > 0 and gaps[first - 1] == ", "
    ends_sentence = after[:1] in _SENTENCE_ENDS or last + 1 == len(texts)
    if comma_before and toks.lower(first - 1) in KK_GREETING_ENDS:
        return after[:1] in _CLAUSE_ENDS or last + 1 == len(texts)
    opens = toks.sentence_start(first) and after == ", " and last + 1 < len(texts)
    if opens and toks.lower(last + 1).startswith(_ADDRESS_STARTS):
        return True
    return (
        first == last
        and ((opens and not toks.capitals[last + 1]) or (comma_before and ends_sentence))
        and (
            texts[first] in kazakh_given_names()  # Ғалымжан, Сағыныш
            or (
                not kazakh.is_kazakh(texts[first])  # with Russian letters, Әрине is Арина
                and russian.name_facts(texts[first]).name_as_likely  # Динара: динар as likely
            )
        )
    )


def _not_a_name_alone(toks: Tokens, i: int) -> bool:
    """One word that is no person's name by where it stands: an initial, an adjective
    before its noun, a title in quotes, a place after "в" ("в Грейт-Данмоу"), a name after
    the noun of what it names ("агентство Рейтер")."""
    return (
        len(toks.texts[i]) < _MIN_ALONE
        or _before_its_noun(toks, i)
        or _quoted(toks, i, i)
        or (i > 0 and toks.lower(i - 1) in _PLACE_PREPOSITIONS)
        or (i > 0 and toks.gaps_after[i - 1] == " " and _names_follow(toks.texts[i - 1]))
    )


def _names_follow(word: str) -> bool:
    """A lower-case noun of an organisation or a place, whose name follows it («агентство
    Рейтер», «округа Чарльз»)."""
    return (
        len(word) >= _SHORTEST_NOUN
        and not word[:1].isupper()
        and russian.lemma(word) in RU_NAMED_THING_NOUNS
    )


def _one_word_evidence(
    toks: Tokens,
    i: int,
    facts: russian.NameFacts,
    *,
    gazetteer: Gazetteer,
    surname_ending: bool,
    kazakh_text: bool,
) -> bool:
    """One word without a role or a speech verb: a surname the dictionary knows, a first
    name alone, or a surname's ending on a word the dictionary does not know otherwise (not
    ``Лётчиков``, not an adjective); at the start of a sentence, only a known name as its
    likeliest reading or a surname's ending."""
    unknown_surname = surname_ending and not facts.common and not facts.adjective
    common_first_name = (
        facts.first_name and gazetteer.frequency(facts.lemma, "ru") >= _COMMON_FIRST_NAME_ZIPF
    )
    if toks.sentence_start(i):
        # Kazakh sentences open with words the Russian dictionary reads as rare first names
        # (Айта, Жаңа, Және): there only a common one as written (Светлана) or a surname's
        # ending tells a name.
        if kazakh_text:
            return (common_first_name and not kazakh.is_kazakh(toks.texts[i])) or unknown_surname
        return facts.likeliest_name or unknown_surname
    # A first name alone: in Russian text, a common one (Глеб, not the rare Алят); in Kazakh
    # text, where only proper nouns are capitalised, any (Абайдың, Азамат).
    # A rare one (Радик, Камиля) when it is among the given names common in Kazakhstan.
    first_name = _alone(toks, i) and (
        (facts.first_name and (kazakh_text or common_first_name))
        or (kazakh_text and _kazakh_given(toks.texts[i]))
        or (facts.first_name and facts.lemma.capitalize() in kazakh_given_names())  # Радика
    )
    return facts.surname or first_name or unknown_surname


def _before_its_noun(toks: Tokens, i: int) -> bool:
    """Word i is an adjective of the lower-case noun after it: «Московского университета»."""
    following = i + 1
    return (
        following < len(toks.texts)
        and toks.gaps_after[i] == " "
        and not toks.capitals[following]
        and russian.modifies(toks.texts[i], toks.texts[following])
    )


def _an_age_at(toks: Tokens, k: int) -> bool:
    """Word k is an age written with digits: "89-летний" (the digits are in the gap)."""
    return (
        k < len(toks.texts)
        and toks.lower(k).startswith(_AGES)
        and _AGE_GAP.fullmatch(toks.gaps_after[k - 1]) is not None
    )


def _after_a_person_noun(toks: Tokens, first: int) -> bool:
    """A noun of a person (kin and nationals too) or an age just before the name, in the
    name's case: «французу Анаклету Вамбе», «29-летний Брендт Кристенсен»."""
    if first == 0 or toks.gaps_after[first - 1] != " ":
        return False
    before = toks.texts[first - 1]
    if before.startswith(_AGES) and first > 1 and toks.gaps_after[first - 2].endswith("-"):
        return True
    if len(before) < _SHORTEST_NOUN:
        return False  # no noun of a person: "и", "в"
    return not russian.person_noun_cases(before.lower()).isdisjoint(
        russian.cases(toks.texts[first])
    )


def _named_by_kin(toks: Tokens, i: int, gazetteer: Gazetteer) -> bool:
    """Word i follows a kin noun in its case, and is no country or role: a name («дочь
    Стефани», «сыну Нарухито»)."""
    return (
        i > 0
        and not toks.capitals[i - 1]
        and russian.lemma(toks.texts[i - 1]) in RU_KIN
        and _after_a_person_noun(toks, i)
        and not _never_a_name(toks.texts[i], gazetteer, kazakh_text=False)
    )


def _role_word(word: str) -> bool:
    return russian.role_head_case(word) is not None or russian.profession_case(word) is not None


def _quoted(toks: Tokens, first: int, last: int) -> bool:
    """The words stand in quotation marks: a title («Афоня», «Рома»), not a person."""
    gaps = toks.gaps_after
    return (first > 0 and gaps[first - 1].endswith(_OPENING_QUOTES)) or gaps[last].startswith(
        _CLOSING_QUOTES
    )


def _without_initials(word: str) -> str:
    """A surname written with initials as one word: «В.Лукашенко» -> «Лукашенко»."""
    if "." not in word:
        return word
    *initials, surname = word.split(".")
    return surname if surname and all(len(part) <= _MAX_INITIAL for part in initials) else word


def _kazakh_given(word: str) -> bool:
    """A given name common in Kazakhstan, in any case (Дәуренмен, Димаш)."""
    return kazakh.without_case(word) in kazakh_given_names()


def _alone(toks: Tokens, i: int) -> bool:
    """No capitalised word right beside word i: a first name there is not part of a longer
    name the rules could not read ("шейх Тамим бин Хамад Аль Тани")."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    before = i > 0 and gaps[i - 1] == " " and capitals[i - 1]
    after = i + 1 < len(texts) and gaps[i] == " " and capitals[i + 1]
    return not (before or after)


def mentions(
    text: str, toks: Tokens, gazetteer: Gazetteer, taken: set[int], *, kazakh_text: bool
) -> list[Mention]:
    """Every person mention in order, names in the nominative; tokens in ``taken``
    (organisation names) are never part of one."""
    texts = toks.texts
    kind_of = _name_word_kinds(gazetteer, kazakh_text)
    surname_words = _surname_words(gazetteer, kazakh_text)
    found: list[Mention] = []
    barrier = -1
    resume = 0  # the token after the last name or candidate looked at
    # The last role given before a name, where (word, barrier): if plural, the next listed's.
    role_of_list: tuple[str, int, int] | None = None
    unproven: list[Mention] = []  # names without evidence: persons if listed with one
    # Only capitalised words may start a name: the others are not looked at.
    capitalised = toks.capitalised_at
    kinds = map(kind_of.__getitem__, map(texts.__getitem__, capitalised))
    for i, kind in zip(capitalised, kinds, strict=True):
        # «дочь Стефани»: a name after a kin noun, though the dictionary reads a town
        never = kind is False and (kazakh_text or not _named_by_kin(toks, i, gazetteer))
        if never or i < resume or i in taken or (kind is None and toks.sentence_start(i)):
            continue
        last = _run_end(toks, i, taken, kind_of, surname_words, kazakh_text=kazakh_text)
        if (
            last > i
            and toks.sentence_start(i)
            and _opens_a_name(texts[i + 1])
            and not _name_like(texts[i])
        ):
            continue  # a sentence's first word before a name ("Биыл Нұрсұлтан Назарбаев")
        words = [_without_initials(word) for word in texts[i : last + 1]]
        role, case = _role_before(text, toks, i, barrier, gazetteer, kazakh_text=kazakh_text)
        if role is not None and _complement_of_role(texts[i], case):
            role = None  # «Помощник Александры Колпаковой»: the role is another's
        resume = last + 1
        if kazakh_text or kazakh.is_kazakh(" ".join(words)):
            name = " ".join([*words[:-1], kazakh.without_case(words[-1])])
        else:
            name = russian.nominative_name(words, case)
        if not _has_evidence(
            toks,
            i,
            last,
            gazetteer=gazetteer,
            name=name,
            role=(role, case),
            kazakh_text=kazakh_text,
        ):
            resume = i + 1  # the name may start at the next word
            if role is None and kind is True and not (i == last and _not_a_name_alone(toks, i)):
                unproven.append(Mention(i, last, name, None))
            continue
        if role is None and not kazakh_text:
            role = _listed_role(text, toks, found[-1] if found else None, i, role_of_list)
            role = role or _role_after(toks, last, case) or _role_said(toks, last)
        elif role is not None:
            role_of_list = (role, i, barrier)
        found.append(Mention(i, last, name, role))
        barrier = last
    return _with_listed(toks, found, unproven)


def _with_listed(toks: Tokens, found: list[Mention], unproven: list[Mention]) -> list[Mention]:
    """The names listed with a person's are persons' too: «Мерей Қалиасқар, Есбол
    Жамшитов», «Чайковский, Шопен, Дебюсси», «Риат Шони және ...» (a comma or "и", "және",
    "мен" between them), the list followed both ways."""
    if not found or not unproven:
        return found
    taken = {k for m in found for k in range(m.first, m.last + 1)}
    ends = {m.last for m in found}
    starts = {m.first for m in found}
    added = True
    while added:
        added = False
        for candidate in unproven:
            if any(k in taken for k in range(candidate.first, candidate.last + 1)):
                continue
            # A sentence's first word before a comma is an adverb, not a name ("Меніңше,").
            opener = candidate.first == candidate.last and toks.sentence_start(candidate.first)
            if _listed_after(toks, ends, candidate.first) or (
                not opener and _listed_before(toks, starts, candidate.last)
            ):
                found.append(candidate)
                taken.update(range(candidate.first, candidate.last + 1))
                ends.add(candidate.last)
                starts.add(candidate.first)
                added = True
    return sorted(found, key=lambda m: m.first)


def _listed_after(toks: Tokens, ends: set[int], first: int) -> bool:
    """A name ends right before word ``first``, a comma or a conjunction between."""
    gaps = toks.gaps_after
    if first - 1 in ends and gaps[first - 1] == ", ":
        return True
    return (
        first - 2 in ends
        and toks.lower(first - 1) in _LIST_CONJUNCTIONS
        and gaps[first - 2] == " "
        and gaps[first - 1] == " "
    )


def _listed_before(toks: Tokens, starts: set[int], last: int) -> bool:
    """A name starts right after word ``last``, a comma or a conjunction between."""
    gaps = toks.gaps_after
    if last + 1 in starts and gaps[last] == ", ":
        return True
    return (
        last + 2 in starts
        and toks.lower(last + 1) in _LIST_CONJUNCTIONS
        and gaps[last] == " "
        and gaps[last + 1] == " "
    )


def _role_before(
    text: str, toks: Tokens, i: int, barrier: int, gazetteer: Gazetteer, *, kazakh_text: bool
) -> tuple[str | None, str | None]:
    """The role before the name at word i and the case it (or a preposition) gives it."""
    role: str | None
    if kazakh_text:
        role, case = _kazakh_role(text, toks, i, barrier, gazetteer), None
        if role is None:
            role, case = _russian_role(toks, i, barrier)
    else:
        role, case = _russian_role(toks, i, barrier)
    if case is None and i > 0 and toks.gaps_after[i - 1] == " ":
        case = russian.preposition_case(toks.texts[i - 1])
    return role, case


def _complement_of_role(first_word: str, case: str | None) -> bool:
    """A known first name not in the role's case: the name is the role's complement."""
    return case is not None and russian.never_a_first_name_in(first_word, case)


def _plural_role_before(toks: Tokens, first: int, barrier: int) -> bool:
    """The role before the name is in the plural: it is each listed name's («музыкантами
    Вадимом Голутвиным и Евгением Казанцевым»)."""
    for k in range(first - 1, max(barrier, first - _MAX_ROLE_WORDS - 1), -1):
        if _role_word(toks.texts[k]):
            return russian.plural_role(toks.texts[k])
    return False


def _listed_role(
    text: str,
    toks: Tokens,
    previous: Mention | None,
    first: int,
    role_of_list: tuple[str, int, int] | None,
) -> str | None:
    """The plural role of the name before, when this one follows it in a list ("X и Y",
    "X, Y", "X (проект «Метро»), Y")."""
    if (
        previous is None
        or role_of_list is None
        or previous.role != role_of_list[0]
        or first - previous.last > _LIST_GAP_WORDS
    ):
        return None
    between = text[toks.ends[previous.last] : toks.starts[first]]
    if not _LIST_SEPARATOR.fullmatch(_ASIDE.sub("", between)):
        return None
    role, named_at, barrier = role_of_list
    return role if _plural_role_before(toks, named_at, barrier) else None


def _role_after(toks: Tokens, last: int, case: str | None) -> str | None:
    """A role in apposition after the name, set off by a comma or a dash and in the name's
    case: «Андрей Клишас, глава комитета Совета Федерации, ...», «Юрий Бондарев — писатель»."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    start = last + 1
    if start >= len(texts) or gaps[last] not in _APPOSITION_GAPS or capitals[start]:
        return None
    if len(texts[start]) < _SHORTEST_NOUN or toks.lower(start).startswith(_NO_ROLE_STARTS):
        return None  # «, и», «, который»: no role, and nothing to look up
    head = start  # after up to three adjectives: «брюссельского профессионального дизайнера»
    while (
        head < min(start + _MAX_ADJECTIVES, len(texts) - 1)
        and gaps[head] == " "
        and russian.is_adjective(texts[head])
    ):
        head += 1
    head_case = russian.role_head_case(texts[head]) or russian.profession_case(texts[head])
    if head_case is None or head_case != (case or "nomn") or capitals[head]:
        return None
    return _role_from(toks, head, head_case, start=start)


def _role_said(toks: Tokens, last: int) -> str | None:
    """A role the sentence says the person has, in the instrumental after a verb of being
    («Сидибе работал премьером Мали», «Сиссе был министром финансов», «был назначен
    председателем»): a few words after the name, within its sentence."""
    texts = toks.texts
    after = texts[last + 1 : last + _SAID_WITHIN]
    if RU_ROLE_VERBS.isdisjoint(after):  # one C-level test: most names have no such verb
        return None
    end = min(len(texts), last + _SAID_WITHIN)
    k = last + 1
    while k < end and not toks.sentence_start(k):
        if texts[k] in RU_ROLE_VERBS:
            for head in range(k + 1, min(k + _ROLE_AFTER_VERB, len(texts))):
                if toks.sentence_start(head):
                    return None
                if toks.capitals[head] or not toks.lower(head).endswith(_INSTRUMENTAL):
                    continue  # looked up only in the instrumental's endings
                case = russian.role_head_case(texts[head]) or russian.profession_case(texts[head])
                if case == "ablt":
                    return _role_from(toks, head, "ablt")
            return None
        k += 1
    return None


def _role_from(toks: Tokens, head: int, case: str, *, start: int | None = None) -> str:
    """The role whose head is word ``head``, with its complements, in the nominative; from
    word ``start`` on (its adjectives before the head), or from the head."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    start = head if start is None else start
    end = head
    while (
        end + 1 < len(texts)
        and end + 1 - head < _MAX_ROLE_WORDS
        and gaps[end] == " "
        and (capitals[end + 1] or russian.may_be_genitive(texts[end + 1]))
        and russian.analyses(texts[end + 1])[0].pos not in ("VERB", "PREP", "CONJ")
    ):
        end += 1
    words = russian.nominative_role(texts[start : end + 1], case)
    return "".join(
        w + (gaps[k] if k != end else "") for w, k in zip(words, range(start, end + 1), strict=True)
    )


def find(doc: Document, taken: set[int]) -> tuple[list[Person], set[int]]:
    """People of a Russian, Kazakh or Ukrainian article, and the token indexes of their
    names: every mention of a person found, in Cyrillic or (in parentheses) Latin letters,
    and the words that name one of them again without other evidence."""
    kazakh_text = doc.language == "kk"
    mentioned = mentions(doc.text, doc.tokens, doc.gazetteer, taken, kazakh_text=kazakh_text)
    mentioned += _latin_mentions(doc, taken, mentioned)
    if not kazakh_text:
        mentioned += _latin_after_role(doc, taken, mentioned)
    mentioned += _named_again(doc, taken, mentioned, kazakh_text=kazakh_text)
    mentioned.sort(key=_first)
    names = {i for m in mentioned for i in range(m.first, m.last + 1)}
    return persons_by_surname(mentioned, doc, _forms), names


def _first(mention: Mention) -> int:
    return mention.first


def _named_again(
    doc: Document, taken: set[int], found: list[Mention], *, kazakh_text: bool
) -> list[Mention]:
    """One word that is the surname or the first name of a person found, in any form, is a
    mention of them wherever it stands («Песков» opening a sentence, «Барак» after «Барак
    Обама», «Тоқаевқа»): every mention of a person resolves to them."""
    if not found:
        return []
    toks = doc.tokens
    texts = toks.texts
    known: set[str] = set()
    for mention in found:
        words = mention.name.split()
        known.add(_fold(words[-1]))
        if len(words) > 1:
            known.add(_fold(words[0]))
    used = {i for m in found for i in range(m.first, m.last + 1)} | taken
    kind_of = _name_word_kinds(doc.gazetteer, kazakh_text)
    out = []
    for i in toks.capitalised_at:
        word = texts[i]
        if i in used or kind_of[word] is not True or known.isdisjoint(_forms(word)):
            continue
        if kazakh_text:
            out.append(Mention(i, i, kazakh.without_case(word), None))
            continue
        # «Сидибе работал премьером Мали»: a role said of the person by their surname.
        role = None
        if "nomn" in russian.cases(word):
            role = _role_after(toks, i, "nomn") or _role_said(toks, i)
        out.append(Mention(i, i, word, role))
    return out


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _latin_mentions(doc: Document, taken: set[int], cyrillic: list[Mention]) -> list[Mention]:
    """A name in Latin letters in parentheses right after a Cyrillic name is that name
    («Шейк Модибо Диарра (Cheick Modibo Diarra)»): every form of a name is one person.
    Elsewhere a Latin name in Cyrillic text is as often a company's or a work's."""
    if "(" not in doc.text:
        return []
    toks = doc.tokens
    texts, gaps = toks.texts, toks.gaps_after
    out: list[Mention] = []
    for named in cyrillic:
        i = named.last + 1
        if (
            i >= len(texts)
            or i in taken
            or not gaps[named.last].endswith("(")
            or not _LATIN_NAME.match(texts[i])
        ):
            continue
        last = i
        while (
            last + 1 < len(texts)
            and last + 1 - i < _MAX_NAME_WORDS
            and gaps[last] == " "
            and _LATIN_NAME.match(texts[last + 1])
        ):
            last += 1
        out.append(Mention(i, last, named.name, named.role))
    return out


def _latin_after_role(doc: Document, taken: set[int], found: list[Mention]) -> list[Mention]:
    """A name in Latin letters right after a Russian noun of a person's trade is that
    person's, as a Cyrillic one would be («певице Aaliyah», «блогера Mimeng»,
    «Композитор-неоклассик Long Arm»); after an office or another noun it is as often an
    organisation's, a company's or a band's («секретаря Osapp», «компанией Apple»)."""
    toks = doc.tokens
    texts, gaps = toks.texts, toks.gaps_after
    used = {i for m in found for i in range(m.first, m.last + 1)} | taken
    out: list[Mention] = []
    resume = 0
    for i in toks.capitalised_at:
        if i < resume or i == 0 or i in used or not _LATIN_NAME.match(texts[i]):
            continue
        before = texts[i - 1]
        if gaps[i - 1] != " " or not is_cyrillic(before) or not _a_trade(before):
            continue
        if before[:1].isupper() and not toks.sentence_start(i - 1):
            continue  # a capitalised word mid-sentence is a name's, not a trade
        last = i
        while (
            last + 1 < len(texts)
            and last + 1 - i < _MAX_NAME_WORDS
            and gaps[last] == " "
            and last + 1 not in used
            and _LATIN_NAME.match(texts[last + 1])
        ):
            last += 1
        resume = last + 1
        following = last + 1
        if following < len(texts) and (
            (gaps[last] == " " and toks.capitals[following]) or _an_age_at(toks, following)
        ):
            continue  # «Сооснователь Microsoft (64-летний) Билл Гейтс»: the trade's complement
        barrier = max((m.last for m in found if m.last < i), default=-1)
        role, _ = _russian_role(toks, i, barrier)
        out.append(Mention(i, last, " ".join(texts[i : last + 1]), role))
    return out


def _a_trade(word: str) -> bool:
    """A noun of a person's own trade, read so first: not an office, nor a trade named with
    its employer, whose complement follows it as often as its holder («генерального
    секретаря Osapp», «корреспондент Kazinform»: the union, the agency)."""
    return (
        russian.role_head_case(word) is None
        and russian.profession_case(word) is not None
        and russian.analyses(word)[0].animate  # not «тур» (a tour; an aurochs too)
        and russian.lemma(word) not in RU_EMPLOYED_TRADES
    )


def _word_forms(word: str) -> frozenset[str]:
    """The dictionary forms a name word may come from: Russian declension undone, a Kazakh
    case suffix taken off; and its cross-language key, so that a name in Latin letters
    joins its Cyrillic form (Трамп, Trump)."""
    forms = russian.nominative_forms(word) | {kazakh.without_case(word).lower()}
    return forms | {_KEY_FORM + person_key(word)}


_forms = word_memo(_word_forms).__getitem__  # names repeat: each word's forms made once
