"""What every extractor reads and returns.

An extractor is one function, ``extract(doc: Document) -> Findings``. The ``Document`` is one
article read once (bounded body, paragraphs, tokens, gazetteer, language) together with what
the extractors before it found: values in typed ``Slot``s, and the token indexes they claimed
by kind (``MONEY_TOKENS``: "US" in "3 billion US dollars" is part of an amount). The order the
extractors run in, and why, is written in one place: ``newswire.enrich.registry``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, NamedTuple, TypeVar, cast

from newswire.core.models import (
    ArticleEvent,
    Location,
    Mention,
    Money,
    Organization,
    Person,
    Quote,
)
from newswire.enrich.gazetteer import Gazetteer, load
from newswire.enrich.language import detect_language
from newswire.enrich.text import Tokens, tokens

T = TypeVar("T")

# One article's cost has a ceiling: dumps bring articles of several megabytes (a whole page
# scraped as one line), and every extractor is at least linear in what it reads. What an
# article is about is said in its opening; entities past this many characters are not looked
# for. Ordinary articles (a few KB) are never cut.
MAX_BODY_CHARS = 60_000
MAX_TITLE_CHARS = 1_000  # a title is a line; a scraped page as one line is not read whole


@dataclass(frozen=True, slots=True)
class Slot(Generic[T]):
    """The typed name of one finding: the ``ArticleEvent`` field it fills (a field of
    ``Entities`` is written ``entities.<field>``)."""

    field: str


PERSONS: Slot[list[Person]] = Slot("entities.persons")
ORGANIZATIONS: Slot[list[Organization]] = Slot("entities.organizations")
LOCATIONS: Slot[list[Location]] = Slot("entities.locations")
COUNTRIES: Slot[list[str]] = Slot("countries")
ATTRIBUTION: Slot[str | None] = Slot("attribution")
PUBLISHER: Slot[str | None] = Slot("publisher")
MONEY: Slot[list[Money]] = Slot("money")
QUOTES: Slot[list[Quote]] = Slot("quotes")
KEYWORDS: Slot[list[str]] = Slot("keywords")

# Kinds of claimed tokens: the words of an amount, of an organisation's name, of a person's
# name, of a place. Later extractors decide what a claim means to them (see the registry).
MONEY_TOKENS = "money"
ORGANIZATION_TOKENS = "organization"
PERSON_TOKENS = "person"
PLACE_TOKENS = "place"


_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Findings(NamedTuple):  # tuples, like Token: built several times an article
    """What one extractor found: values by slot, and token indexes claimed by kind.

    Built by chaining: ``Findings().found(MONEY, amounts).claiming(MONEY_TOKENS, covered)``.
    """

    values: Mapping[str, object] = _NOTHING
    claims: Mapping[str, AbstractSet[int]] = _NOTHING

    def found(self, slot: Slot[T], value: T) -> Findings:
        return Findings({**self.values, slot.field: value}, self.claims)

    def claiming(self, kind: str, indexes: AbstractSet[int]) -> Findings:
        return Findings(self.values, {**self.claims, kind: indexes})


class Document(NamedTuple):
    """One article as every extractor sees it. Immutable (a tuple, as cheap to build as
    ``Token``): an extractor reads it and returns ``Findings``; the runner makes the next
    document with ``with_findings`` (the lists are shared, never changed).

    The analysed ``text`` is the title, a newline, then the body, each cut at its bound:
    headlines name people and places too. Extractors work on ``text`` and its ``tokens``;
    ``mention`` turns a span of it into the provenance an event carries (a field of the
    event and offsets into it)."""

    title: str  # the event's title cut at MAX_TITLE_CHARS
    body: str  # the event's body cut at MAX_BODY_CHARS (``bounded``)
    text: str  # title + "\n" + body
    paragraphs: list[str]  # the lines of ``text``: the title first
    tokens: Tokens  # of ``text``
    gazetteer: Gazetteer
    language: str | None  # ISO 639-1, read once: every extractor may depend on it
    claimed: Mapping[str, AbstractSet[int]] = _NOTHING
    values: Mapping[str, object] = _NOTHING

    def claimed_by(self, *kinds: str) -> set[int]:
        """The token indexes claimed by earlier extractors under any of these kinds."""
        out: set[int] = set()
        for kind in kinds:
            out.update(self.claimed.get(kind, ()))
        return out

    @property
    def body_start(self) -> int:
        """Where the body begins in ``text``."""
        return len(self.title) + 1

    def mention(self, start: int, end: int) -> Mention:
        """The provenance of ``text[start:end]``: its field of the event, offsets into it."""
        title_end = len(self.title)
        if end <= title_end:
            return _mention(
                {"field": "title", "start": start, "end": end, "text": self.text[start:end]}
            )
        body_start = title_end + 1
        start = max(start, body_start)
        return _mention(
            {
                "field": "body",
                "start": start - body_start,
                "end": end - body_start,
                "text": self.text[start:end],
            }
        )

    def get(self, slot: Slot[T]) -> T:
        """What an earlier extractor found for ``slot`` (KeyError when none ran before)."""
        return cast(T, self.values[slot.field])

    def with_findings(self, findings: Findings) -> Document:
        """This document with ``findings`` added: a slot found again is replaced, claims of
        one kind add up."""
        claimed = dict(self.claimed)
        for kind, indexes in findings.claims.items():
            earlier = claimed.get(kind)
            claimed[kind] = indexes if earlier is None else {*earlier, *indexes}
        return Document(
            self.title,
            self.body,
            self.text,
            self.paragraphs,
            self.tokens,
            self.gazetteer,
            self.language,
            claimed,
            {**self.values, **findings.values},
        )


def bounded(text: str, limit: int) -> str:
    """The first ``limit`` characters, cut back to a word boundary when the cut splits one."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit // 2)
    return cut[:space] if space > 0 else cut


def read(event: ArticleEvent) -> Document:
    """The document of an event, before any extractor ran."""
    title = bounded(event.title, MAX_TITLE_CHARS)
    body = bounded(event.body, MAX_BODY_CHARS)
    text = f"{title}\n{body}"
    return Document(
        title=title,
        body=body,
        text=text,
        paragraphs=text.split("\n"),
        tokens=tokens(text),
        gazetteer=load(),
        language=detect_language(event.title, body),
    )


# A ``Mention`` of its fields: pydantic's validator (Rust) called directly, a third cheaper
# than ``Mention(...)`` and half the cost of ``model_construct`` (Python). Every entity's
# mention is one: 200,000 in 6,000 articles.
_mention = cast(
    Callable[[dict[str, object]], Mention], Mention.__pydantic_validator__.validate_python
)

Extractor = Callable[[Document], Findings]
MentionOf = Callable[[int, int], Mention]  # ``Document.mention``: a span's provenance
