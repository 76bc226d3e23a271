"""orjson, wrapped once: every byte newswire writes or reads as JSON goes through here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

from newswire.core.reasons import InputReason
from newswire.errors import InputError

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any, *, default: Callable[[Any], Any] | None = None) -> bytes:
    """Compact JSON; datetimes keep their UTC offset, dates are YYYY-MM-DD. ``default``
    turns a value orjson cannot serialise into one it can (or raises TypeError)."""
    return orjson.dumps(value, default=default, option=_OPTIONS)


def loads(data: bytes | str, *, reason: InputReason = "bad_json") -> Any:
    """Parse JSON, translating orjson's error into our InputError with ``reason``."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc}", reason=reason) from exc
