"""Building events to enrich in tests (shared with the benchmarks through newswire_dev)."""

from __future__ import annotations

from newswire_dev.corpus import WHEN, enriched, unenriched

__all__ = ["WHEN", "enriched", "unenriched"]
