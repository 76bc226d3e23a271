"""newswire: raw news dumps in, clean deduplicated enriched article events out."""

__version__ = "0.1.0"
