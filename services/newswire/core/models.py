"""Typed values that flow through the pipeline: chunks in, article events (or rejections) out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from newswire.core.reasons import RejectReason, SkipReason

# 2: ``publisher`` added (optional; version 1 events are version 2 events without it).
# 3: provenance: every person, organisation, place, amount and quote carries its ``mentions``
#    (surface form and character offsets into ``title`` or ``body``), and every person a
#    ``key`` that is the same in every language (additive: the other fields keep their
#    meaning; a version 2 event is a version 3 event without them).
SCHEMA_VERSION: Literal[3] = 3


# What the parser marks on an article: ``truncated`` (longer than NEWSWIRE_MAX_ARTICLE_BYTES),
# ``invalid_utf8`` (bytes that are not UTF-8 were replaced), ``binary_skipped`` (a line of
# binary junk inside it was dropped), ``empty_body`` (a title and no paragraph),
# ``implausible_date`` (its time is later than its dump or its arrival, or before the earliest
# date: kept as written, never moving a retention window; ``core.publication_time``).
Flag = Literal["truncated", "invalid_utf8", "binary_skipped", "empty_body", "implausible_date"]
LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2}$")]  # ISO 639-1
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]  # ISO 3166-1 alpha-2


class _Frozen(BaseModel):
    # Fields with defaults are still always present on the wire: the published schema says so,
    # so generated consumer types make them required.
    model_config = ConfigDict(
        frozen=True, extra="forbid", json_schema_serialization_defaults_required=True
    )


class Chunk(_Frozen):
    """A slice of one source file at an arbitrary byte offset, as the producer publishes it."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        ser_json_bytes="base64",
        val_json_bytes="base64",
        json_schema_serialization_defaults_required=True,
    )

    # No control characters: they never name a file, and the stream keeps its own entries
    # in the sources table under keys that start with one (``SOURCES_WATERMARK_PREFIX``).
    source_id: str = Field(min_length=1, max_length=512, pattern=r"^[^\x00-\x1f\x7f]+$")
    # One producer run (one `newswire produce` of one file): sequence numbers count within it,
    # so a source id can be reused by later runs without their chunks looking like replays.
    run_id: str = Field(min_length=1, max_length=64)
    seq: int = Field(ge=0)
    offset: int = Field(ge=0)
    data: bytes
    last: bool = False
    produced_at: float | None = None  # epoch seconds, for end-to-end latency


class ParsedArticle(_Frozen):
    """One article as the dump shows it, before identity, dedup and enrichment."""

    source_id: str
    offset: int  # byte offset of the article's header line in its source
    dump_date: date | None
    local_time: datetime  # naive: the source's local wall-clock time from the header
    views: int | None
    title: str
    paragraphs: tuple[str, ...]
    flags: tuple[Flag, ...] = ()


class Rejection(_Frozen):
    """Input that cannot become an article: goes to the dead-letter topic with its reason."""

    reason: RejectReason  # a closed set (core.reasons): missing_title, chunk_gap, ...
    source_id: str
    offset: int
    message: str
    excerpt: str = ""  # bounded excerpt of the rejected text


class Skip(_Frozen):
    """Input dropped on purpose and only counted (a repeated chunk, a line of binary junk)."""

    reason: SkipReason
    source_id: str
    offset: int


ParseOutput = ParsedArticle | Rejection | Skip


class Mention(_Frozen):
    """Where an entity is named: ``title`` or ``body`` of the event, and the character
    offsets (Python string indexes, end exclusive) of its surface form there:
    ``event.body[start:end] == text``."""

    field: Literal["title", "body"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Person(_Frozen):
    name: str  # the dictionary form, named in full when the article names them in full
    role: str | None = None
    # The same for one person in every language and spelling ("Токаев", "Тоқаев",
    # "Tokayev": "tokaev"); see ``newswire.enrich.person_key``.
    key: str
    mentions: list[Mention] = Field(default_factory=list)


class Organization(_Frozen):
    name: str
    mentions: list[Mention] = Field(default_factory=list)


class Location(_Frozen):
    name: str
    country: CountryCode | None = None
    mentions: list[Mention] = Field(default_factory=list)


class Entities(_Frozen):
    persons: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)


class Money(_Frozen):
    amount: float
    currency: str  # ISO 4217
    text: str
    mentions: list[Mention] = Field(default_factory=list)


class Quote(_Frozen):
    text: str
    speaker: str | None = None
    mentions: list[Mention] = Field(default_factory=list)  # where the quoted words are


class SourceRef(_Frozen):
    id: str
    offset: int


class ArticleEvent(_Frozen):
    """The event downstream consumers subscribe to. Field names are a public contract."""

    schema_version: Literal[3] = SCHEMA_VERSION
    article_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    revision: int = Field(default=1, ge=1)
    published_at: AwareDatetime
    views: int | None
    title: str
    body: str
    dump_date: date | None
    source: SourceRef
    language: LanguageCode | None = None
    word_count: int = Field(ge=0)
    entities: Entities = Field(default_factory=Entities)
    countries: list[CountryCode] = Field(default_factory=list)
    attribution: str | None = None  # the source as the text names it
    # The canonical name of a known publisher of the attribution (Akorda, Kazinform, Kazakh
    # MFA, primeminister.kz), the same in every language: consumers group by it.
    publisher: str | None = None
    money: list[Money] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    near_duplicate_of: str | None = None
    flags: list[Flag] = Field(default_factory=list)


class DeadLetter(_Frozen):
    """A record of the dead-letter topic: why some input gave no article, and where it came
    from (its Kafka message and its place in its dump). Published as a schema beside the
    event's (``schemas/dead-letter.schema.json``)."""

    reason: RejectReason
    message: str  # what is wrong, for people (at most 2,000 characters)
    topic: str | None  # the input message's topic, partition and offset
    partition: int | None
    offset: int | None
    key_base64: str | None  # the input message's exact key bytes
    source_id: str | None
    source_offset: int | None  # byte offset in the source dump, where one applies
    excerpt: str  # a bounded excerpt of rejected text
    rejected_at: float  # epoch seconds
    original_base64: str | None = None  # the message's bytes, for input that was unusable
    original_truncated: bool | None = None  # kept up to NEWSWIRE_DLQ_ORIGINAL_MAX_BYTES
    original_bytes: int | None = None
