"""People and their roles.

A name is the end of a run of capitalised words (at most three words that are not role,
organisation, calendar or place words). It counts as a person when the text gives evidence:
a role or title just before it (``Prime Minister of the Republic of Kazakhstan Olzhas
Bektenov``, ``Dr. René Fasel``), an apposition after it (``Dai Daoguo, Chairman of ...``), a
speech verb after it (``Hidehiko Yuzaki said``), or, without evidence, two or three words that
are rare in English. A one-word mention (``Minister Nurtleu``) resolves to the full name that
ends with it.
"""

from __future__ import annotations

from newswire.core.models import Person
from newswire.enrich import cyrillic_people
from newswire.enrich.document import (
    ORGANIZATION_TOKENS,
    PERSON_TOKENS,
    PERSONS,
    Document,
    Findings,
)
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import (
    CALENDAR,
    CONNECTORS,
    NAME_WORD_ZIPF_LOOSE,
    NAME_WORD_ZIPF_STRICT,
    ORG_HEADS,
    PLACE_HEADS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    SPEECH_VERBS,
    TITLES,
)
from newswire.enrich.text import Mention, Token, is_cyrillic, joined_by_space

_MAX_NAME_WORDS = 3
_CYRILLIC_LANGUAGES = ("ru", "kk", "uk")
_SYLLABLE_LETTERS = 4
_MAX_ROLE_WORDS = 16
_ROLE_GAPS = (" ", " - ", " – ", " — ")
# Without a role or a speech verb, a Cyrillic name needs a surname ending (-ов, -ева, -ұлы).
_CYRILLIC_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ова",
    "ева",
    "ина",
    "ский",
    "ская",
    "ко",
    "ук",
    "юк",
    "ұлы",
    "қызы",
    "лы",
    "ли",
    "швили",
    "дзе",
    "ян",
)


def _nameish(token: Token, gazetteer: Gazetteer, *, strict: bool) -> bool:
    word = token.lower
    if (
        not token.capitalised
        or token.text.isupper()
        or len(word) < 2
        or word in ROLE_HEADS
        or word in ROLE_MODIFIERS
        or word in ORG_HEADS
        or word in CALENDAR
        or word in TITLES
        or word in PLACE_HEADS
    ):
        return False
    place = gazetteer.place(token.text)
    if place is not None and place.kind in ("country", "demonym", "capital"):
        return False
    if is_cyrillic(word):
        return gazetteer.frequency(word, "ru") < NAME_WORD_ZIPF_STRICT
    zipf = gazetteer.frequency(word)
    if not strict and len(word) <= _SYLLABLE_LETTERS and word not in CONNECTORS and zipf < 5.5:
        return True  # one-syllable name words: Tran Hong Ha, Li Qiang, Wu
    return zipf < (NAME_WORD_ZIPF_STRICT if strict else NAME_WORD_ZIPF_LOOSE)


def _ends_a_place(text: str, toks: list[Token], i: int, gazetteer: Gazetteer) -> bool:
    """Token i closes a two- or three-word place name ("Abu Dhabi", "Rio de Janeiro")."""
    for size in (2, 3):
        if i - size + 1 >= 0:
            phrase = text[toks[i - size + 1].start : toks[i].end]
            if gazetteer.place(phrase) is not None:
                return True
    return False


def _runs(text: str, toks: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words separated by single spaces: (first, last) indexes."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, token in enumerate(toks):
        if not token.capitalised:
            if start is not None:
                runs.append((start, i - 1))
                start = None
            continue
        if start is None:
            start = i
        elif not joined_by_space(text, toks[i - 1], token):
            runs.append((start, i - 1))
            start = i
    if start is not None:
        runs.append((start, len(toks) - 1))
    return runs


def _role_before(
    text: str, toks: list[Token], first: int, gazetteer: Gazetteer, barrier: int
) -> str | None:
    """The role just before a name; the walk stops at ``barrier`` (the previous person)."""
    span: list[int] = []
    j = first - 1
    while j > barrier and len(span) < _MAX_ROLE_WORDS:
        gap = text[toks[j].end : toks[j + 1].start]
        if gap not in _ROLE_GAPS and not (j == first - 1 and gap == ", "):
            break
        word = toks[j].lower
        if not (
            toks[j].capitalised
            or word in CONNECTORS
            or word in ROLE_HEADS
            or word in ROLE_MODIFIERS
            or word in ORG_HEADS
        ):
            break
        span.append(j)
        j -= 1
    heads = [k for k in span if toks[k].lower in ROLE_HEADS]
    if not heads:
        return None
    start = min(heads)  # the outermost role: "Deputy Prime Minister - Minister of ..."
    # Extend over modifiers and demonyms before the head: "Acting Deputy", "Iranian".
    while start - 1 in span:
        previous = toks[start - 1]
        place = gazetteer.place(previous.text)
        if previous.lower in ROLE_MODIFIERS or (place is not None and place.kind == "demonym"):
            start -= 1
        else:
            break
    role = text[toks[start].start : toks[first - 1].end].strip(" ,")
    return role or None


def _role_after(text: str, toks: list[Token], last: int) -> str | None:
    """An apposition: "Dai Daoguo, Chairman of the Board of ...," up to the next , or ."""
    if last + 1 >= len(toks) or text[toks[last].end : toks[last + 1].start] != ", ":
        return None
    k = last + 1
    if toks[k].lower == "the" and k + 1 < len(toks):
        k += 1
    begin = k
    while k < len(toks) and toks[k].lower in ROLE_MODIFIERS:
        k += 1
    if k >= len(toks) or toks[k].lower not in ROLE_HEADS:
        return None
    end = k
    while end + 1 < len(toks) and end - begin < _MAX_ROLE_WORDS:
        gap = text[toks[end].end : toks[end + 1].start]
        if gap not in _ROLE_GAPS:
            break
        end += 1
    return text[toks[begin].start : toks[end].end]


def _has_title(text: str, toks: list[Token], first: int) -> bool:
    if first == 0:
        return False
    previous = toks[first - 1]
    return previous.lower in TITLES and text[previous.end : toks[first].start] in (" ", ". ")


def _speaks(text: str, toks: list[Token], last: int) -> bool:
    return (
        last + 1 < len(toks)
        and toks[last + 1].lower in SPEECH_VERBS
        and joined_by_space(text, toks[last], toks[last + 1])
    )


def mentions(text: str, toks: list[Token], gazetteer: Gazetteer, taken: set[int]) -> list[Mention]:
    """Every person mention in order, one-word mentions unresolved (their name is one word).

    Tokens in ``taken`` (organisation names) are never part of a person's name.
    """
    found: list[Mention] = []
    barrier = -1
    for run_first, run_last in _runs(text, toks):
        if run_last in taken:
            continue
        first = run_last + 1
        while (
            first > run_first
            and run_last - first + 1 < _MAX_NAME_WORDS
            and first - 1 not in taken
            and _nameish(toks[first - 1], gazetteer, strict=False)
            and not _ends_a_place(text, toks, first - 1, gazetteer)
        ):
            first -= 1
        if first > run_last:
            continue
        following = toks[run_last + 1] if run_last + 1 < len(toks) else None
        # "Minister of Energy and Petroleum of Kenya": words of a role, not a name.
        if (
            following is not None
            and joined_by_space(text, toks[run_last], following)
            and (
                following.lower in ("of", "for") or (following.lower == "and" and first == run_last)
            )
        ):
            continue
        role = _role_before(text, toks, first, gazetteer, barrier) or _role_after(
            text, toks, run_last
        )
        evidence = (
            role is not None or _has_title(text, toks, first) or _speaks(text, toks, run_last)
        )
        words = toks[first : run_last + 1]
        if toks[first].sentence_start and len(words) == 1 and role is None:
            continue  # a capitalised sentence opener, not a surname
        if not evidence and (
            len(words) < 2
            or not all(_nameish(t, gazetteer, strict=True) for t in words)
            or (
                is_cyrillic(words[-1].text)
                and not words[-1].lower.endswith(_CYRILLIC_SURNAME_ENDINGS)
            )
        ):
            continue
        name = text[words[0].start : words[-1].end]
        if gazetteer.place(name) is not None:
            continue
        found.append(Mention(first, run_last, name, role))
        barrier = run_last
    return found


def persons(mentioned: list[Mention]) -> list[Person]:
    """Distinct people: one-word mentions folded into the full name ending with that word."""
    full: dict[str, Person] = {}
    for mention in mentioned:
        if " " not in mention.name:
            continue
        known = full.get(mention.name)
        if known is None or (known.role is None and mention.role is not None):
            full[mention.name] = Person(name=mention.name, role=mention.role)
    by_surname = {name.rsplit(maxsplit=1)[-1]: name for name in full}
    for mention in mentioned:
        if " " in mention.name:
            continue
        name = by_surname.get(mention.name)
        if name is not None and full[name].role is None and mention.role is not None:
            full[name] = Person(name=name, role=mention.role)
    return list(full.values())


def resolve(name: str, people: list[Person]) -> str:
    """The full name a mention refers to ("Minister Nurtleu" -> "Murat Nurtleu"), else itself."""
    surname = name.rsplit(maxsplit=1)[-1]
    for person in people:
        if person.name == name or person.name.rsplit(maxsplit=1)[-1] == surname:
            return person.name
    return name


def extract(doc: Document) -> Findings:
    """People with their roles, claiming the tokens of their names. Words of an
    organisation's name are never a person's; Russian, Kazakh and Ukrainian text goes to the
    Cyrillic rules (morphology), every other language to the English ones."""
    taken = doc.claimed_by(ORGANIZATION_TOKENS)
    if doc.language in _CYRILLIC_LANGUAGES:
        mentioned = cyrillic_people.mentions(
            doc.body, doc.tokens, doc.gazetteer, taken, kazakh_text=doc.language == "kk"
        )
    else:  # English rules only: no morphology on English text
        mentioned = mentions(doc.body, doc.tokens, doc.gazetteer, taken)
    names = {i for m in mentioned for i in range(m.first, m.last + 1)}
    return Findings().found(PERSONS, persons(mentioned)).claiming(PERSON_TOKENS, names)
