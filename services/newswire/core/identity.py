"""Article identity: the same published instant and normalised title give the same id anywhere."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime

_ID_HEX_CHARS = 32  # 128 bits: collisions are out of reach for any realistic archive


class _SeparatorTable(dict[int, int]):
    """str.translate table: punctuation, symbols, separators and controls become a space.

    Filled on first sight of each code point, so translate() runs at C speed afterwards;
    bounded by the number of distinct code points.
    """

    def __missing__(self, codepoint: int) -> int:
        value = 0x20 if unicodedata.category(chr(codepoint))[0] in "PSZC" else codepoint
        self[codepoint] = value
        return value


_SEPARATORS = _SeparatorTable()


def normalise_text(text: str) -> str:
    """NFKC, case-folded, punctuation and symbols as spaces, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.translate(_SEPARATORS).split())


def nfkc_chunks(text: str) -> list[str]:
    """The text NFKC-normalised and split at whitespace (do not modify the list).

    Both ``body_fingerprint`` and the MinHash start here, one after the other on the same
    body: the last answer is kept, so the split (most of the cost) runs once an article."""
    global _LAST_CHUNKS  # noqa: PLW0603 - a one-entry memo, replaced whole
    last = _LAST_CHUNKS
    if last[0] is text:
        return last[1]
    chunks = unicodedata.normalize("NFKC", text).split()
    _LAST_CHUNKS = (text, chunks)
    return chunks


_LAST_CHUNKS: tuple[str | None, list[str]] = (None, [])


def folded_words(chunk: str) -> list[str]:
    """The words of one chunk of ``nfkc_chunks``: case-folded, punctuation and symbols as
    separators. Every whitespace character is a separator and case folding keeps whitespace
    where it was (the tests check every code point), so the words of the chunks in turn are
    those of ``normalise_text``: a caller can cache per chunk, where most chunks repeat."""
    return chunk.casefold().translate(_SEPARATORS).split()


def article_id(published_at: datetime, title: str) -> str:
    """Stable id from the UTC instant of publication and the normalised title."""
    try:
        instant = published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except OverflowError:  # before year 1 in UTC (an implausible time): as written
        instant = published_at.isoformat()
    digest = hashlib.sha256(f"{instant}\x1f{normalise_text(title)}".encode())
    return digest.hexdigest()[:_ID_HEX_CHARS]
