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


def folded_chunks(text: str) -> list[str]:
    """The text NFKC-normalised and case-folded, split at whitespace. Every whitespace
    character is a separator, so the words of ``normalise_text`` are those of each chunk in
    turn (``chunk_words``): a caller can cache per chunk, where most chunks repeat."""
    return unicodedata.normalize("NFKC", text).casefold().split()


def chunk_words(chunk: str) -> list[str]:
    """The words of one chunk of ``folded_chunks``: punctuation and symbols separate."""
    return chunk.translate(_SEPARATORS).split()


def article_id(published_at: datetime, title: str) -> str:
    """Stable id from the UTC instant of publication and the normalised title."""
    instant = published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = hashlib.sha256(f"{instant}\x1f{normalise_text(title)}".encode())
    return digest.hexdigest()[:_ID_HEX_CHARS]
