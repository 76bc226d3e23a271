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

from newswire.enrich import kazakh, russian
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import KK_NOT_NAMES, KK_SPEECH_VERBS, RU_SPEECH_VERBS
from newswire.enrich.text import Mention, Token, is_cyrillic, joined_by_space

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
_KK_ONE_WORD_VERBS = frozenset(verb for verb in KK_SPEECH_VERBS if " " not in verb)
_SPEECH_LAST_WORDS = RU_SPEECH_VERBS | {verb.split()[-1] for verb in KK_SPEECH_VERBS}


def _name_word(token: Token, gazetteer: Gazetteer, kazakh_text: bool) -> bool:
    if not token.capitalised or not is_cyrillic(token.text):
        return False
    kind = _word_kind(token.text, gazetteer, kazakh_text)
    return (not token.sentence_start) if kind is None else kind


@lru_cache(maxsize=8_192)
def _word_kind(word: str, gazetteer: Gazetteer, kazakh_text: bool) -> bool | None:
    """Whether a capitalised Cyrillic word may be part of a name, decided once per word;
    None for a syllable of a Chinese or Korean name (Ван И, Си Цзиньпин), which may be one
    anywhere but at the start of a sentence."""
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


def _russian_role(
    text: str, toks: list[Token], first: int, barrier: int
) -> tuple[str | None, str | None]:
    """The role before a Russian name, in the nominative, and the name's case it shows."""
    span: list[int] = []
    k = first - 1
    while k > barrier and len(span) < _MAX_ROLE_WORDS:
        gap = text[toks[k].end : toks[k + 1].start]
        if gap != " " and gap not in _DASHES:
            break
        word = toks[k].text
        if toks[k].lower == "и" and russian.role_head_case(toks[k + 1].text) is not None:
            break  # "акимы областей и министр энергетики": two roles, the name has the second
        readings = russian.analyses(word)
        # "Посол Италии в Казахстане", "директор банка по Центральной Азии": a preposition
        # before a capitalised word stays inside the role.
        inside = toks[k].lower in _ROLE_PREPOSITIONS and toks[k + 1].capitalised
        if (
            not inside
            and readings[0].known
            and readings[0].pos in ("PREP", "VERB", "INFN", "PRTS", "GRND")
        ):
            break
        if not (
            toks[k].capitalised
            or russian.role_head_case(word) is not None
            or russian.may_be_genitive(word)
        ):
            break
        span.append(k)
        k -= 1
    heads = [j for j in span if russian.role_head_case(toks[j].text) is not None]
    if not heads:
        return None, None
    start = min(heads)
    while start - 1 in span and russian.is_adjective(toks[start - 1].text):
        start -= 1
    case = russian.role_head_case(toks[min(heads)].text) or "nomn"
    # Nominative per segment: "Заместитель Премьер-министра – министр иностранных дел".
    pieces: list[str] = []
    segment: list[int] = []
    for j in range(start, first):
        segment.append(j)
        gap = text[toks[j].end : toks[j + 1].start]
        if j == first - 1 or gap in _DASHES:
            words = russian.nominative_role([toks[s].text for s in segment], case)
            pieces.append(
                "".join(
                    w + (text[toks[s].end : toks[s + 1].start] if s != first - 1 else "")
                    for w, s in zip(words, segment, strict=True)
                )
            )
            segment = []
    return "".join(pieces).strip(" ,–-—") or None, case


def _kazakh_role(
    text: str, toks: list[Token], first: int, barrier: int, gazetteer: Gazetteer
) -> str | None:
    """The role before a Kazakh name: complements, then the role noun next to the name."""
    head = first - 1
    if head <= barrier or not joined_by_space(text, toks[head], toks[first]):
        return None
    word = toks[head].text
    if not (kazakh.is_role_head(word) or russian.role_head_case(word) == "nomn"):
        return None
    # Right before the role noun, up to three lower-case words ("сыртқы істер министрі");
    # before those, only capitalised words and genitives ("Қазақстан Республикасының").
    # An organisation's name in quotes belongs to it: «Қазатомөнеркәсіп» ҰАК басқарма төрағасы.
    start, k, lower = head, head - 1, 0
    while k > barrier and text[toks[k].end : toks[k + 1].start] in (" ", "» "):
        token = toks[k]
        if token.sentence_start and lower < _MAX_KK_LOWER_WORDS:
            # Capitalised for the sentence ("Мемлекет басшысы", "Ауыл шаруашылығы министрі"),
            # unless it is an adverbial in a case ("Кездесуде әкім ...").
            if token.lower in gazetteer.places or not token.lower.endswith(_KK_ADVERBIAL):
                start = k
            break
        if token.capitalised or token.lower.endswith(_KK_GENITIVE):
            lower = _MAX_KK_LOWER_WORDS
            if token.sentence_start and not (
                token.lower.endswith(_KK_GENITIVE)
                or gazetteer.place(token.text, "kk")
                or text.startswith("»", token.end)
            ):
                break
        elif lower < _MAX_KK_LOWER_WORDS and token.lower not in _SPEECH_LAST_WORDS:
            lower += 1
        else:
            break
        start = k
        if token.sentence_start:
            break
        k -= 1
    begin = toks[start].start
    if begin > 0 and text[begin - 1] == "«":
        begin -= 1
    return text[begin : toks[head].end]


def _verb_ends_at(text: str, toks: list[Token], k: int) -> bool:
    """A speech verb ends at token k ("отметила", "деді", "атап өтті")."""
    if k < 0 or k >= len(toks):
        return False
    word = toks[k].lower
    if word in RU_SPEECH_VERBS or word in _KK_ONE_WORD_VERBS:
        return True
    return k > 0 and f"{toks[k - 1].lower} {word}" in KK_SPEECH_VERBS


def _speaks(text: str, toks: list[Token], first: int, last: int) -> bool:
    before = _verb_ends_at(text, toks, first - 1) and joined_by_space(
        text, toks[first - 1], toks[first]
    )
    after = (
        last + 1 < len(toks)
        and joined_by_space(text, toks[last], toks[last + 1])
        and (_verb_ends_at(text, toks, last + 1) or _verb_ends_at(text, toks, last + 2))
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
    text: str, toks: list[Token], gazetteer: Gazetteer, taken: set[int], *, kazakh_text: bool
) -> list[Mention]:
    """Every person mention in order, names in the nominative; tokens in ``taken``
    (organisation names) are never part of one."""
    found: list[Mention] = []
    barrier = -1
    resume = 0  # the token after the last name or candidate looked at
    # Only capitalised words may start a name: the others are not looked at.
    for i in [i for i, t in enumerate(toks) if t.capitalised]:
        if i < resume or i in taken or not _name_word(toks[i], gazetteer, kazakh_text):
            continue
        last = i
        while (
            last + 1 < len(toks)
            and last + 1 - i < _MAX_NAME_WORDS
            and last + 1 not in taken
            and joined_by_space(text, toks[last], toks[last + 1])
            and not toks[last + 1].sentence_start
            and _name_word(toks[last + 1], gazetteer, kazakh_text)
            # A Kazakh name ends at the word with the case suffix ("Николя Мауимен Парижде").
            and not (kazakh_text and kazakh.without_case(toks[last].text) != toks[last].text)
        ):
            last += 1
        words = [t.text for t in toks[i : last + 1]]
        role: str | None
        if kazakh_text:
            role, case = _kazakh_role(text, toks, i, barrier, gazetteer), None
            if role is None:
                role, case = _russian_role(text, toks, i, barrier)
        else:
            role, case = _russian_role(text, toks, i, barrier)
        if case is None and i > 0 and joined_by_space(text, toks[i - 1], toks[i]):
            case = russian.preposition_case(toks[i - 1].text)
        resume = last + 1
        if (toks[i].sentence_start and len(words) == 1 and role is None) or not (
            role is not None
            or _speaks(text, toks, i, last)
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
