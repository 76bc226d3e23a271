"""``enrich(event)``: every extractor over one article, never raising on any text."""

from __future__ import annotations

from newswire.core.models import ArticleEvent, Entities
from newswire.enrich import cyrillic_people
from newswire.enrich.attribution import attribution, publisher
from newswire.enrich.gazetteer import load
from newswire.enrich.keywords import keywords
from newswire.enrich.language import detect_language
from newswire.enrich.money import money
from newswire.enrich.organizations import organizations
from newswire.enrich.people import mentions, persons
from newswire.enrich.places import places
from newswire.enrich.quotes import quotes
from newswire.enrich.text import tokens, tokens_within

# One article's cost has a ceiling: dumps bring articles of several megabytes (a whole page
# scraped as one line), and every extractor is at least linear in what it reads. What an
# article is about is said in its opening; entities past this many characters are not looked
# for. Ordinary articles (a few KB) are never cut.
MAX_BODY_CHARS = 60_000
_CYRILLIC_LANGUAGES = ("ru", "kk", "uk")


def bounded(text: str, limit: int) -> str:
    """The first ``limit`` characters, cut back to a word boundary when the cut splits one."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ", limit // 2)
    return cut[:space] if space > 0 else cut


def enrich(event: ArticleEvent) -> ArticleEvent:
    """The event with language, entities, countries, attribution, money, quotes, keywords."""
    gazetteer = load()
    body = bounded(event.body, MAX_BODY_CHARS)
    paragraphs = body.split("\n") if body else []
    toks = tokens(body)
    amounts, amount_spans = money(body, gazetteer)
    # "US" in "3 billion US dollars" is a currency, not a place.
    amount_tokens = tokens_within(toks, amount_spans)
    orgs, org_tokens = organizations(body, toks, gazetteer)
    language = detect_language(event.title, body)
    if language in _CYRILLIC_LANGUAGES:
        mentioned = cyrillic_people.mentions(
            body, toks, gazetteer, org_tokens, kazakh_text=language == "kk"
        )
    else:  # English rules only: no morphology on English text
        mentioned = mentions(body, toks, gazetteer, org_tokens)
    people = persons(mentioned)
    name_tokens = {i for m in mentioned for i in range(m.first, m.last + 1)}
    locations, countries, place_tokens = places(
        body, toks, gazetteer, name_tokens | amount_tokens, org_tokens, language=language
    )
    source = attribution(paragraphs)
    return event.model_copy(
        update={
            "language": language,
            "entities": Entities(
                persons=people,
                organizations=orgs,
                locations=locations,
            ),
            "countries": countries,
            "attribution": source,
            "publisher": publisher(source),
            "money": amounts,
            "quotes": quotes(paragraphs, people),
            "keywords": keywords(toks, gazetteer, language, name_tokens | place_tokens),
        }
    )
