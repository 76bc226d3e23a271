"""Building events to enrich in tests (shared with the benchmarks through devtools)."""

from __future__ import annotations

from newswire_dev.corpus import WHEN, enriched, unenriched

__all__ = ["WHEN", "enriched", "unenriched"]
