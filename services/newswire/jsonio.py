"""orjson, wrapped once: every byte newswire writes or reads as JSON goes through here."""

from __future__ import annotations

from typing import Any

import orjson

from newswire.core.reasons import InputReason
from newswire.errors import InputError

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> bytes:
    """Compact JSON; datetimes keep their UTC offset, dates are YYYY-MM-DD."""
    return orjson.dumps(value, option=_OPTIONS)


def loads(data: bytes | str, *, reason: InputReason = "bad_json") -> Any:
    """Parse JSON, translating orjson's error into our InputError with ``reason``."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc}", reason=reason) from exc
