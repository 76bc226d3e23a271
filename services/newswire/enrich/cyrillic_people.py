"""People and their roles in Russian and Kazakh articles, named in the nominative.

A name is one to three capitalised Cyrillic words that may be names (not role nouns, places or
dictionary words). It counts as a person with evidence: a role before it, a speech verb next
to it (``– отметил Касым-Жомарт Токаев``, ``Сапаров атап өтті``), or two words ending like a
surname. Roles stand before the name in both languages, but are built differently:

- Russian: a role noun with its complements, in the case the sentence gives the name
  (``с президентом Франции Эммануэлем Макроном``); the role noun's case (or the preposition's,
  when there is no role) tells the name's, and both come out in the nominative
  (``президент Франции``, ``Эммануэль Макрон``);
- Kazakh: complements first, the role noun last with its possessive
  (``Қазақстанның көлік министрі``); the case suffix goes on the name's last word
  (``Ердоғанмен``) and is taken off.
"""

from __future__ import annotations

from functools import lru_cache

from newswire.core.models import Person
from newswire.enrich import kazakh, russian
from newswire.enrich.document import Document
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import KK_NOT_NAMES, KK_SPEECH_VERBS, RU_SPEECH_VERBS
from newswire.enrich.persons import persons
from newswire.enrich.text import Memo, Mention, Tokens, is_cyrillic, word_memo

_MAX_NAME_WORDS = 3
_MAX_ROLE_WORDS = 14
_MAX_KK_LOWER_WORDS = 3  # "сыртқы істер министрі", "ауыл шаруашылығы министрі"
_DASHES = (" – ", " - ", " — ")
_SURNAME_ENDINGS = (
    "ов", "ев", "ёв", "ин", "ова", "ева", "ина", "ский", "ская", "ко", "ук", "юк", "ұлы", "қызы",
    "лы", "ли", "швили", "дзе", "ян",
)  # fmt: skip
_NATIONAL = ("country", "demonym", "capital")
_ROLE_PREPOSITIONS = frozenset(("в", "во", "по", "при"))
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


def _word_kind(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool | None:
    """Whether a capitalised Cyrillic word may be part of a name; None for a syllable of a
    Chinese or Korean name (Ван И, Си Цзиньпин), which may be one anywhere but at the start
    of a sentence."""
    lower = word.lower()
    if (
        (word.isupper() and len(word) > 1)
        or lower in KK_NOT_NAMES
        or kazakh.is_role_head(word)
        or (kazakh_text and lower.startswith(_KK_ROLE_STEMS))  # "Президентін"
        or _a_place(word, gazetteer, kazakh_text)
    ):
        return False
    if len(word) <= 3:
        return None
    if russian.role_head_case(word) is not None:  # "Аким" is a first name too
        return False
    readings = russian.analyses(word)
    if any(r.known and r.name for r in readings):  # a first name or surname: Роман, Мурат
        return True
    if any(r.known for r in readings):  # a dictionary word: only a rare noun (Токаев: "токай")
        return readings[0].pos == "NOUN" and gazetteer.frequency(word, "ru") < _RARE_ZIPF
    return True  # a word no dictionary knows: a foreign or Kazakh name


def _a_place(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    """Countries and capitals in any case ("Франции", "Әзірбайжан"); a city only by its exact
    name: its declined forms collide with surnames ("Пуянне")."""
    if len(word) <= 3:
        return False
    place = gazetteer.place(word, "kk" if kazakh_text else "ru")
    if place is None:
        return False
    if place.kind in _NATIONAL:
        return True
    bare = (kazakh.without_case(word) if kazakh_text else word).lower()
    # A city whose likeliest reading is a first name is the name here: Мадина, not Medina
    # (Алматы, Астана are read as places first).
    likeliest = russian.analyses(word)[0]
    return bare in gazetteer.places and not (likeliest.known and likeliest.name)


_RARE_ZIPF = 2.5
_KK_ROLE_STEMS = ("президент", "министр", "премьер", "вице-", "төраға", "әкім", "елші", "басшы")


def _russian_role(toks: Tokens, first: int, barrier: int) -> tuple[str | None, str | None]:
    """The role before a Russian name, in the nominative, and the name's case it shows."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    span: list[int] = []
    head: int | None = None  # the role noun nearest the start of the role
    head_case: str | None = None
    k = first - 1
    while k > barrier and len(span) < _MAX_ROLE_WORDS:
        gap = gaps[k]
        if gap != " " and gap not in _DASHES:
            break
        word = texts[k]
        lower = word.lower()
        if lower == "и" and russian.role_head_case(texts[k + 1]) is not None:
            break  # "акимы областей и министр энергетики": two roles, the name has the second
        readings = russian.analyses(word)
        # "Посол Италии в Казахстане", "директор банка по Центральной Азии": a preposition
        # before a capitalised word stays inside the role.
        inside = lower in _ROLE_PREPOSITIONS and capitals[k + 1]
        if (
            not inside
            and readings[0].known
            and readings[0].pos in ("PREP", "VERB", "INFN", "PRTS", "GRND")
        ):
            break
        word_case = russian.role_head_case(word)
        if not (capitals[k] or word_case is not None or russian.may_be_genitive(word)):
            break
        if word_case is not None:
            head, head_case = k, word_case
        span.append(k)
        k -= 1
    if head is None:
        return None, None
    start = head
    while start - 1 in span and russian.is_adjective(texts[start - 1]):
        start -= 1
    case = head_case or "nomn"
    # Nominative per segment: "Заместитель Премьер-министра – министр иностранных дел".
    pieces: list[str] = []
    segment_start = start
    for j in range(start, first):
        if j == first - 1 or gaps[j] in _DASHES:
            words = russian.nominative_role(texts[segment_start : j + 1], case)
            pieces.append(
                "".join(
                    w + (gaps[s] if s != first - 1 else "")
                    for w, s in zip(words, range(segment_start, j + 1), strict=True)
                )
            )
            segment_start = j + 1
    return "".join(pieces).strip(" ,–-—") or None, case


def _kazakh_role(
    text: str, toks: Tokens, first: int, barrier: int, gazetteer: Gazetteer
) -> str | None:
    """The role before a Kazakh name: complements, then the role noun next to the name."""
    texts, gaps = toks.texts, toks.gaps_after
    head = first - 1
    if head <= barrier or gaps[head] != " ":
        return None
    word = texts[head]
    if not (kazakh.is_role_head(word) or russian.role_head_case(word) == "nomn"):
        return None
    # Right before the role noun, up to three lower-case words ("сыртқы істер министрі");
    # before those, only capitalised words and genitives ("Қазақстан Республикасының").
    # An organisation's name in quotes belongs to it: «Қазатомөнеркәсіп» ҰАК басқарма төрағасы.
    start, k, lower = head, head - 1, 0
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


def _looks_like_full_name(words: list[str], *, kazakh_text: bool) -> bool:
    """Without a role or a speech verb: two or three words ending like a surname, or (Kazakh)
    with a case suffix on the last ("Нұрлан Сауранбаевқа")."""
    if len(words) < 2:
        return False
    last = words[-1]
    return last.lower().endswith(_SURNAME_ENDINGS) or (
        kazakh_text and kazakh.without_case(last) != last
    )


def mentions(
    text: str, toks: Tokens, gazetteer: Gazetteer, taken: set[int], *, kazakh_text: bool
) -> list[Mention]:
    """Every person mention in order, names in the nominative; tokens in ``taken``
    (organisation names) are never part of one."""
    texts, gaps, capitals = toks.texts, toks.gaps_after, toks.capitals
    count = len(texts)
    kind_of = _name_word_kinds(gazetteer, kazakh_text)
    found: list[Mention] = []
    barrier = -1
    resume = 0  # the token after the last name or candidate looked at
    # Only capitalised words may start a name: the others are not looked at.
    capitalised = toks.capitalised_at
    kinds = map(kind_of.__getitem__, map(texts.__getitem__, capitalised))
    for i, kind in zip(capitalised, kinds, strict=True):
        if kind is False or i < resume or i in taken or (kind is None and toks.sentence_start(i)):
            continue
        last = i
        while (
            last + 1 < count
            and last + 1 - i < _MAX_NAME_WORDS
            and last + 1 not in taken
            # Only a space between: the next word starts no sentence, and a syllable of a
            # Chinese name (kind None) may be part of the name there.
            and gaps[last] == " "
            and capitals[last + 1]
            and kind_of[texts[last + 1]] is not False
            # A Kazakh name ends at the word with the case suffix ("Николя Мауимен Парижде").
            and not (kazakh_text and kazakh.without_case(texts[last]) != texts[last])
        ):
            last += 1
        words = texts[i : last + 1]
        role: str | None
        if kazakh_text:
            role, case = _kazakh_role(text, toks, i, barrier, gazetteer), None
            if role is None:
                role, case = _russian_role(toks, i, barrier)
        else:
            role, case = _russian_role(toks, i, barrier)
        if case is None and i > 0 and gaps[i - 1] == " ":
            case = russian.preposition_case(texts[i - 1])
        resume = last + 1
        if (len(words) == 1 and role is None and toks.sentence_start(i)) or not (
            role is not None
            or _speaks(toks, i, last)
            or _looks_like_full_name(words, kazakh_text=kazakh_text)
        ):
            continue
        if kazakh_text or kazakh.is_kazakh(" ".join(words)):
            name = " ".join([*words[:-1], kazakh.without_case(words[-1])])
        else:
            name = russian.nominative_name(words, case)
        found.append(Mention(i, last, name, role))
        barrier = last
    return found


def find(doc: Document, taken: set[int]) -> tuple[list[Person], set[int]]:
    """People of a Russian, Kazakh or Ukrainian article, and the token indexes of their
    names."""
    mentioned = mentions(
        doc.text, doc.tokens, doc.gazetteer, taken, kazakh_text=doc.language == "kk"
    )
    names = {i for m in mentioned for i in range(m.first, m.last + 1)}
    return persons(mentioned, doc), names
