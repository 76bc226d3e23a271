"""Article identity: the same published instant and normalised title give the same id anywhere."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache

_ID_HEX_CHARS = 32  # 128 bits: collisions are out of reach for any realistic archive


@lru_cache(maxsize=4096)
def _is_separator(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "PSZC"  # punctuation, symbols, separators, controls


def normalise_text(text: str) -> str:
    """NFKC, case-folded, punctuation and symbols as spaces, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    spaced = "".join(" " if _is_separator(char) else char for char in folded)
    return " ".join(spaced.split())


def article_id(published_at: datetime, title: str) -> str:
    """Stable id from the UTC instant of publication and the normalised title."""
    instant = published_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = hashlib.sha256(f"{instant}\x1f{normalise_text(title)}".encode())
    return digest.hexdigest()[:_ID_HEX_CHARS]
