"""The extractors, in the order they run, and why that order.

Every extractor is ``extract(doc: Document) -> Findings`` in its own module. Before any runs,
the document is read once: bounded body, paragraphs, tokens, gazetteer and language (people,
places and keywords all depend on the language). Each extractor then sees what the ones above
it found and claimed. Adding an extractor is one module and one line here, placed after
everything it reads.

The rules the order keeps (tests/test_newswire/enrich/test_registry.py holds them):

- money before places: "US" in "3 billion US dollars" is a currency, not a country;
- organisations before people: the words of an organisation's name are never a person's;
- organisations and people before places: a person's name is never a place ("Paris" in
  "Paris Hilton"), and inside an organisation's name only countries, demonyms and capitals
  count ("Toyota" in "Toyota Motor Corporation" is the company, not the city);
- people before quotes: speakers resolve to the people found ("Minister Nurtleu" -> "Murat
  Nurtleu");
- people and places before keywords: names are entities, not keywords.
"""

from __future__ import annotations

from newswire.enrich import attribution, keywords, money, organizations, people, places, quotes
from newswire.enrich.document import Extractor

EXTRACTORS: tuple[Extractor, ...] = (
    money.extract,  # first: its currency words ("US dollars") are claimed before places look
    organizations.extract,  # before people and places: both read its claimed names
    people.extract,  # after organisations; before places (skip names), quotes, keywords
    places.extract,  # after money, organisations and people: reads all three claims
    attribution.extract,  # reads only the opening paragraphs: anywhere
    quotes.extract,  # after people: resolves each speaker against the persons found
    keywords.extract,  # last: skips the tokens of people's and places' names
)

__all__ = ["EXTRACTORS", "Extractor"]
