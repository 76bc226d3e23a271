"""The one summary line `newswire parse` and `newswire run` print on stderr."""

from __future__ import annotations

from collections.abc import Mapping


def counts(values: Mapping[str, float] | None) -> str:
    """``exact:28,near:3`` (zeros left out, sorted), or ``none``."""
    kept = {k: int(v) for k, v in (values or {}).items() if v}
    return ",".join(f"{k}:{v}" for k, v in sorted(kept.items())) or "none"


def summary_line(
    *,
    chunks: int,
    articles_parsed: int,
    events: int,
    duplicates: Mapping[str, float] | None,
    rejected: Mapping[str, float] | None,
    skipped: Mapping[str, float] | None,
    **extra: str | int,
) -> str:
    """``key=value`` pairs, the same keys in the same order for every command; ``extra``
    (elapsed time, rate, workers) follow."""
    fields: dict[str, str | int] = {
        "chunks": chunks,
        "articles_parsed": articles_parsed,
        "events": events,
        "duplicates": counts(duplicates),
        "rejected": counts(rejected),
        "skipped": counts(skipped),
        **extra,
    }
    return " ".join(f"{key}={value}" for key, value in fields.items())
