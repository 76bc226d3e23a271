"""The held-out split: by a hash of the raw tokens, about half each way."""

from __future__ import annotations

from bench.corpora.split import DEV, TEST, split_of


def test_the_split_depends_on_the_tokens_and_the_corpus_only() -> None:
    tokens = ["Anna", "Berg", "spoke", "."]
    assert split_of("conllpp", tokens) == split_of("conllpp", list(tokens))
    assert split_of("conllpp", tokens) in (DEV, TEST)


def test_about_half_the_documents_are_held_out() -> None:
    splits = [split_of("kaznerd", ["sentence", str(i)]) for i in range(1000)]
    assert 400 < splits.count(TEST) < 600
