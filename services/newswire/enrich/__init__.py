"""Enrichment: language, people with roles, organisations, places and countries, attribution,
money, quotes and keywords, as one pure function over an event (``enrich``).

Deterministic and local: patterns plus a gazetteer built from maintained data packages
(``scripts/build_gazetteer.py``) and a language model shipped in the lingua wheel.
"""

from newswire.enrich.enricher import enrich

__all__ = ["enrich"]
