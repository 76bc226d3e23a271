"""Keywords: frequent in the article, rare in the language, names and short words left out."""

from __future__ import annotations

from newswire.enrich.gazetteer import load
from newswire.enrich.keywords import keywords
from newswire.enrich.text import tokens


def test_the_most_frequent_rare_words_come_first() -> None:
    toks = tokens("Lithium lithium lithium mining. Mining of lithium and cobalt.")
    assert keywords(toks, load(), "en", set())[:3] == ["lithium", "mining", "cobalt"]


def test_skipped_tokens_short_words_numbers_and_common_words_are_no_keywords() -> None:
    toks = tokens("Tokayev met Tokayev on cobalt. COVID-19 in 2025 and the ore")
    found = keywords(toks, load(), "en", {0, 2})
    assert "tokayev" not in found  # both mentions skipped (a person's name)
    assert found == ["cobalt"]  # "COVID-19" has a digit, "ore" is short, "met" common


def test_skipped_indexes_past_the_tokens_are_ignored() -> None:
    toks = tokens("cobalt cobalt")
    assert keywords(toks, load(), "en", {5, -1}) == ["cobalt"]
