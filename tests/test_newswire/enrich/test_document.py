"""The document every extractor reads: read once, frozen, findings added by the runner."""

from __future__ import annotations

import pytest

from newswire.core.models import Money
from newswire.enrich.document import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    MONEY,
    MONEY_TOKENS,
    PERSON_TOKENS,
    PERSONS,
    Findings,
    bounded,
    read,
)
from tests.test_newswire.enrich.support import unenriched


def test_a_document_is_read_once_with_tokens_paragraphs_and_language() -> None:
    doc = read(unenriched("Kazakhstan and Japan", "First paragraph here.\nSecond one."))
    assert doc.language == "en"
    # The title is read too, as the first line of the text.
    assert doc.text == "Kazakhstan and Japan\nFirst paragraph here.\nSecond one."
    assert doc.paragraphs == ["Kazakhstan and Japan", "First paragraph here.", "Second one."]
    assert [t.text for t in doc.tokens][:5] == ["Kazakhstan", "and", "Japan", "First", "paragraph"]
    assert dict(doc.claimed) == {}
    assert dict(doc.values) == {}


def test_the_body_is_bounded_at_a_word() -> None:
    body = "word " * (MAX_BODY_CHARS // 4)
    doc = read(unenriched("Long", body))
    assert len(doc.body) <= MAX_BODY_CHARS
    assert doc.body == bounded(body, MAX_BODY_CHARS)
    assert not doc.body.endswith("wor")
    assert read(unenriched("Empty", "")).paragraphs == ["Empty", ""]
    huge = read(unenriched("title " * 100_000, "Body."))
    assert len(huge.title) <= MAX_TITLE_CHARS
    assert huge.text.endswith("\nBody.")


def test_a_span_of_the_text_is_a_mention_of_the_title_or_the_body() -> None:
    doc = read(unenriched("Tokayev in Tokyo", "President Tokayev arrived."))
    title = doc.mention(11, 16)
    assert (title.field, title.start, title.end, title.text) == ("title", 11, 16, "Tokyo")
    start = doc.text.index("Tokayev arrived")
    body = doc.mention(start, start + 7)
    assert (body.field, body.start, body.end, body.text) == ("body", 10, 17, "Tokayev")
    assert doc.body[body.start : body.end] == body.text


def test_a_document_is_frozen() -> None:
    doc = read(unenriched("Kazakhstan and Japan", "Astana hosts the talks."))
    with pytest.raises(AttributeError):
        doc.language = "ru"  # type: ignore[misc]


def test_claims_of_one_kind_add_up_and_a_slot_found_again_is_replaced() -> None:
    doc = read(unenriched("Kazakhstan and Japan", "Astana hosts the talks."))
    amount = [Money(amount=1.0, currency="USD", text="$1")]
    doc = doc.with_findings(Findings().found(MONEY, []).claiming(MONEY_TOKENS, {1, 2}))
    doc = doc.with_findings(Findings().found(MONEY, amount).claiming(MONEY_TOKENS, {5}))
    assert doc.claimed_by(MONEY_TOKENS) == {1, 2, 5}
    assert doc.claimed_by(MONEY_TOKENS, PERSON_TOKENS) == {1, 2, 5}
    assert doc.claimed_by(PERSON_TOKENS) == set()
    assert doc.get(MONEY) == amount


def test_a_slot_no_extractor_filled_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        read(unenriched("Kazakhstan and Japan", "Astana hosts the talks.")).get(PERSONS)
