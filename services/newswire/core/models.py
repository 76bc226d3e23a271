"""Typed values that flow through the pipeline: chunks in, article events (or rejections) out."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from newswire.core.reasons import RejectReason, SkipReason

# 2: ``publisher`` added (optional; version 1 events are version 2 events without it).
SCHEMA_VERSION: Literal[2] = 2


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Chunk(_Frozen):
    """A slice of one source file at an arbitrary byte offset, as the producer publishes it."""

    model_config = ConfigDict(
        frozen=True, extra="forbid", ser_json_bytes="base64", val_json_bytes="base64"
    )

    source_id: str = Field(min_length=1, max_length=512)
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
    flags: tuple[str, ...] = ()


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


class Person(_Frozen):
    name: str
    role: str | None = None


class Organization(_Frozen):
    name: str


class Location(_Frozen):
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2


class Entities(_Frozen):
    persons: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    locations: list[Location] = Field(default_factory=list)


class Money(_Frozen):
    amount: float
    currency: str  # ISO 4217
    text: str


class Quote(_Frozen):
    text: str
    speaker: str | None = None


class SourceRef(_Frozen):
    id: str
    offset: int


class ArticleEvent(_Frozen):
    """The event downstream consumers subscribe to. Field names are a public contract."""

    schema_version: Literal[2] = SCHEMA_VERSION
    article_id: str = Field(pattern=r"^[0-9a-f]{32}$")
    revision: int = Field(default=1, ge=1)
    published_at: AwareDatetime
    views: int | None
    title: str
    body: str
    dump_date: date | None
    source: SourceRef
    language: str | None = None  # ISO 639-1
    word_count: int = Field(ge=0)
    entities: Entities = Field(default_factory=Entities)
    countries: list[str] = Field(default_factory=list)  # ISO 3166-1 alpha-2
    attribution: str | None = None  # the source as the text names it
    # The canonical name of a known publisher of the attribution (Akorda, Kazinform, Kazakh
    # MFA, primeminister.kz), the same in every language: consumers group by it.
    publisher: str | None = None
    money: list[Money] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    near_duplicate_of: str | None = None
    flags: list[str] = Field(default_factory=list)
