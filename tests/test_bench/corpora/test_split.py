"""The held-out split: by a hash of the raw tokens, about half each way."""

from __future__ import annotations

import pytest

from bench.corpora.split import DEV, TEST, split_of


# Pinned: reported figures are of the held-out half, so a document must never move across the
# split between runs, processes or versions (a salted hash() would pass any comparison made
# within one process). Computed once by the documented recipe (SHA-256, bench/corpora/split.py).
@pytest.mark.parametrize(
    ("corpus", "tokens", "split"),
    [
        ("conllpp", ["Anna", "Berg", "spoke", "."], DEV),
        ("conllpp", ["sentence", "0"], DEV),
        ("conllpp", ["sentence", "1"], TEST),
        ("kaznerd", ["sentence", "1"], DEV),
        ("kaznerd", ["sentence", "2"], TEST),
    ],
)
def test_the_split_is_pinned(corpus: str, tokens: list[str], split: str) -> None:
    assert split_of(corpus, tokens) == split


def test_the_split_depends_on_the_tokens_and_the_corpus_only() -> None:
    tokens = ["sentence", "1"]
    # The tokens, however they are handed over (a list, a copy, a generator)...
    assert split_of("conllpp", tokens) == split_of("conllpp", list(tokens))
    assert split_of("conllpp", tokens) == split_of("conllpp", iter(tokens))
    # ...and the corpus: the same tokens in another corpus may land in the other half.
    assert split_of("conllpp", tokens) != split_of("kaznerd", tokens)


def test_about_half_the_documents_are_held_out() -> None:
    splits = [split_of("kaznerd", ["sentence", str(i)]) for i in range(1000)]
    assert 400 < splits.count(TEST) < 600
