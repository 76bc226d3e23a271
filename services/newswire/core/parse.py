"""Dump text to articles: a line-oriented state machine with bounded state.

(Longer than the project's 300 lines on purpose: the grammar, the draft's states and every
transition between them read best in one place.)

Grammar (``shared/docs/dump-format.md``)::

    marker  := WS? "date " YYYY-MM-DD " "      then a header on the same line
    header  := DD.MM.YYYY ", " HH:MM " " VIEWS
    article := header NL title NL (paragraph NL)*

Decisions, each visible in the output:

- A line that looks like a header but holds an impossible date or time is text, not a header.
- A header followed directly by another header (or by the end of input) has no title, hence no
  identity: it is rejected with reason ``missing_title``.
- Invalid UTF-8 is replaced (U+FFFD) and the article is flagged ``invalid_utf8``.
- Lines of binary junk (C0 controls, or mostly undecodable) are skipped and counted
  (``binary_line``); inside an article they also flag it ``binary_skipped``.
- Text before the first header of a source (or after a chunk gap, until the next header) is
  rejected once per run with reason ``orphan_text`` and a bounded excerpt.
- An article larger than ``max_article_bytes`` keeps its first ``max_article_bytes`` bytes and is
  flagged ``truncated``; the rest is dropped while it streams by, so state stays bounded.
- A title and no paragraph: the article is kept and flagged ``empty_body``.

Every regular expression is anchored and free of nested quantifiers, and only short lines are
matched against the header grammar, so time is linear in the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypedDict

from newswire.core.models import Flag, ParsedArticle, ParseOutput, Rejection, Skip
from newswire.core.reasons import RejectReason

EXCERPT_CHARS = 512
_MAX_HEADER_CHARS = 96  # the longest marker + header line is about 45 characters

_HEADER = re.compile(
    r"[ \t]*(?:date (\d{4})-(\d{2})-(\d{2})[ \t]+)?"
    r"(\d{2})\.(\d{2})\.(\d{4}), (\d{2}):(\d{2}) (\d{1,15})[ \t]*"
)
_MARKER_ONLY = re.compile(r"[ \t]*date (\d{4})-(\d{2})-(\d{2})[ \t]*")
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HEADER_START = frozenset("0123456789 \td")


@dataclass(frozen=True, slots=True)
class Header:
    dump_date: date | None  # from a "date YYYY-MM-DD" marker on the same line
    local_time: datetime | None  # None for a marker alone on its line
    views: int | None


def _date(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_header(line: str) -> Header | None:
    """The header (and marker) on ``line``, or None when the line is text."""
    if len(line) > _MAX_HEADER_CHARS or not line or line[0] not in _HEADER_START:
        return None
    match = _HEADER.fullmatch(line)
    if match is None:
        marker = _MARKER_ONLY.fullmatch(line)
        if marker is None:
            return None
        dump_date = _date(*marker.groups())
        return None if dump_date is None else Header(dump_date, None, None)
    my, mm, md, day, month, year, hour, minute, views = match.groups()
    dump_date = _date(my, mm, md) if my else None
    if my and dump_date is None:
        return None
    try:
        local_time = datetime(int(year), int(month), int(day), int(hour), int(minute))  # noqa: DTZ001 - the zone is applied from settings later
    except ValueError:
        return None
    return Header(dump_date, local_time, int(views))


def is_binary(line: str) -> bool:
    """Junk rather than text: control characters, or mostly replacement characters."""
    # isprintable() is one scan in C, false for every control character: most lines of
    # text need no regular expression.
    if not line.isprintable() and _BINARY.search(line):
        return True
    return len(line) >= 4 and line.count("\ufffd") * 4 >= len(line)


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"


class DraftState(TypedDict):
    """``_Draft`` as a plain value (same keys, same order)."""

    offset: int
    dump_date: str | None  # YYYY-MM-DD
    local_time: str  # naive ISO date and time
    views: int | None
    header_line: str
    title: str | None
    paragraphs: list[str]
    size: int  # bytes of text kept so far
    flags: list[Flag]


class OrphanState(TypedDict):
    """``_Orphan`` as a plain value."""

    offset: int
    excerpt: str
    lines: int


class ParserState(TypedDict):
    """``ArticleParser.to_dict``: what a table stores for the parser of one source."""

    dump_date: str | None  # the last "date" marker seen, YYYY-MM-DD
    draft: DraftState | None  # the article being read
    orphan: OrphanState | None  # the run of text outside any article being counted


@dataclass(slots=True)
class _Draft:
    """The article being read: header seen, title and paragraphs accumulating."""

    offset: int
    dump_date: str | None
    local_time: str
    views: int | None
    header_line: str
    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    size: int = 0
    flags: list[Flag] = field(default_factory=list)

    def flag(self, name: Flag) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def to_dict(self) -> DraftState:
        return {
            "offset": self.offset,
            "dump_date": self.dump_date,
            "local_time": self.local_time,
            "views": self.views,
            "header_line": self.header_line,
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "size": self.size,
            "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, state: DraftState) -> _Draft:
        return cls(
            offset=state["offset"],
            dump_date=state["dump_date"],
            local_time=state["local_time"],
            views=state["views"],
            header_line=state["header_line"],
            title=state["title"],
            paragraphs=list(state["paragraphs"]),
            size=state["size"],
            flags=list(state["flags"]),
        )


@dataclass(slots=True)
class _Orphan:
    """A run of text that belongs to no article."""

    offset: int
    excerpt: str
    lines: int = 1

    def to_dict(self) -> OrphanState:
        return {"offset": self.offset, "excerpt": self.excerpt, "lines": self.lines}


class ArticleParser:
    """Feed decoded lines of one source in order; complete articles come out as they complete.

    The state (``to_dict``) is a small plain value: the dump date, the article being read
    (at most ``max_article_bytes`` of text) and the orphan run being counted.
    """

    __slots__ = ("_draft", "_dump_date", "_orphan", "max_article_bytes", "source_id")

    def __init__(self, source_id: str, *, max_article_bytes: int) -> None:
        self.source_id = source_id
        self.max_article_bytes = max_article_bytes
        self._dump_date: str | None = None
        self._draft: _Draft | None = None
        self._orphan: _Orphan | None = None

    def feed_line(self, raw: bytes, offset: int, out: list[ParseOutput]) -> None:
        """Consume one line (without its newline) that starts at byte ``offset``."""
        try:
            line = raw.decode("utf-8")
            invalid = False
        except UnicodeDecodeError:
            line = raw.decode("utf-8", errors="replace")
            invalid = True
        line = line.lstrip("\ufeff").rstrip("\r")
        if not line or line.isspace():
            return
        # Most lines are text that cannot start a header: no call for them.
        header = parse_header(line) if line[0] in _HEADER_START else None
        if header is not None:
            self._on_header(header, line, offset, out)
            return
        if is_binary(line):
            out.append(Skip(reason="binary_line", source_id=self.source_id, offset=offset))
            if self._draft is not None:
                self._draft.flag("binary_skipped")
            return
        self._on_text(line.strip(), len(raw), invalid, offset)

    def finish(self, out: list[ParseOutput]) -> None:
        """End of the source: emit the last article and any pending orphan run."""
        self._close_draft(out)
        self._close_orphan(out)

    def abandon(self, out: list[ParseOutput], *, reason: RejectReason, message: str) -> None:
        """Drop the article being read (its text is incomplete), e.g. after a chunk gap."""
        draft = self._draft
        if draft is not None:
            text = "\n".join([draft.header_line, draft.title or "", *draft.paragraphs])
            out.append(self._rejection(reason, draft.offset, message, text))
            self._draft = None
        self._close_orphan(out)

    def _on_header(self, header: Header, line: str, offset: int, out: list[ParseOutput]) -> None:
        self._close_draft(out)
        self._close_orphan(out)
        if header.dump_date is not None:
            self._dump_date = header.dump_date.isoformat()
        if header.local_time is not None:
            self._draft = _Draft(
                offset=offset,
                dump_date=self._dump_date,
                local_time=header.local_time.isoformat(),
                views=header.views,
                header_line=line,
            )

    def _on_text(self, text: str, nbytes: int, invalid: bool, offset: int) -> None:
        draft = self._draft
        if draft is None:
            if self._orphan is None:
                self._orphan = _Orphan(offset=offset, excerpt=_excerpt(text))
            else:
                self._orphan.lines += 1
            return
        if invalid:
            draft.flag("invalid_utf8")
        room = self.max_article_bytes - draft.size
        if nbytes > room:
            draft.flag("truncated")
            if room <= 0:
                return
            text = text.encode()[:room].decode("utf-8", errors="ignore").rstrip()
            nbytes = room
        draft.size += nbytes + 1
        if draft.title is None:
            draft.title = text
        else:
            draft.paragraphs.append(text)

    def _close_draft(self, out: list[ParseOutput]) -> None:
        draft, self._draft = self._draft, None
        if draft is None:
            return
        if not draft.title:
            out.append(
                self._rejection(
                    "missing_title",
                    draft.offset,
                    "a header is followed by another header or the end of input, not a title",
                    draft.header_line,
                )
            )
            return
        if not draft.paragraphs:
            draft.flag("empty_body")
        out.append(
            ParsedArticle(
                source_id=self.source_id,
                offset=draft.offset,
                dump_date=date.fromisoformat(draft.dump_date) if draft.dump_date else None,
                local_time=datetime.fromisoformat(draft.local_time),
                views=draft.views,
                title=draft.title,
                paragraphs=tuple(draft.paragraphs),
                flags=tuple(sorted(draft.flags)),
            )
        )

    def _close_orphan(self, out: list[ParseOutput]) -> None:
        orphan, self._orphan = self._orphan, None
        if orphan is not None:
            message = f"{orphan.lines} line(s) of text outside any article"
            out.append(self._rejection("orphan_text", orphan.offset, message, orphan.excerpt))

    def _rejection(self, reason: RejectReason, offset: int, message: str, text: str) -> Rejection:
        return Rejection(
            reason=reason,
            source_id=self.source_id,
            offset=offset,
            message=message,
            excerpt=_excerpt(text),
        )

    def to_dict(self) -> ParserState:
        return {
            "dump_date": self._dump_date,
            "draft": self._draft.to_dict() if self._draft else None,
            "orphan": self._orphan.to_dict() if self._orphan else None,
        }

    @classmethod
    def from_dict(
        cls, source_id: str, state: ParserState, *, max_article_bytes: int
    ) -> ArticleParser:
        parser = cls(source_id, max_article_bytes=max_article_bytes)
        parser._dump_date = state["dump_date"]
        parser._draft = _Draft.from_dict(state["draft"]) if state["draft"] else None
        orphan = state["orphan"]
        parser._orphan = _Orphan(**orphan) if orphan else None
        return parser
