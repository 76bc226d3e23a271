"""Enrichment: language, people with roles, organisations, places and countries, attribution,
money, quotes and keywords, as one pure function over an event (``enrich``).

Deterministic and local: patterns plus a gazetteer built from maintained data packages
(``scripts/build_gazetteer.py``) and a language model shipped in the lingua wheel.

Each extractor is ``extract(doc: Document) -> Findings`` in its own module (``document.py``
says what a document holds); ``registry.py`` lists them in the order they run, and why.
"""

from newswire.enrich.enricher import enrich

__all__ = ["enrich"]
