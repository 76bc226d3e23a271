"""Tokens joined back into text, and where each token went."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.corpora.detok import detokenise


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["Prices", "rose", ",", "analysts", "said", "."], "Prices rose, analysts said."),
        (["«", "Атырау", "»", "облысы", "(", "батыс", ")", "!"], "«Атырау» облысы (батыс)!"),
        (
            ["It", "'s", "not", "what", "he", "does", "n't", "say", "?"],
            "It's not what he doesn't say?",
        ),
        (["He", "said", ",", '"', "We", "won", '"', "."], 'He said, "We won".'),
        (["noted", ":", '"', "We", "agree"], 'noted: "We agree'),
        (["a", "cheat", ",", '"', "said", "Hill"], 'a cheat," said Hill'),
        (['"', "It", "is", "over", "."], '"It is over.'),
        (["the", "players", "'", "union"], "the players' union"),
        (["in", "'", "91"], "in '91"),
        (["a", "'", "great", "'", "day"], "a 'great' day"),
        (["the", "$", "1.2", "million", "purse"], "the $1.2 million purse"),
        (["C$", "5", "and", "US$", "2"], "C$5 and US$2"),
        (["Revenue", "N", "/", "A"], "Revenue N/A"),
        (["CRICKET", "-", "SOMERSET", "WIN"], "CRICKET - SOMERSET WIN"),
        (["Бұл", "—", "біздің", "жол", "–", "деді"], "Бұл — біздің жол – деді"),
        (["5", ",", "3", "миллиард", "теңге"], "5,3 миллиард теңге"),
        (["in", "1994", ",", "1995"], "in 1994, 1995"),
        (["өсім", "12", "%-ке", "жетті", "..."], "өсім 12%-ке жетті..."),
        (["«", "КОВИД-19", "»", "-ға", "қатысты"], "«КОВИД-19»-ға қатысты"),
    ],
)
def test_tokens_are_joined_as_a_writer_would(tokens: list[str], text: str) -> None:
    assert detokenise(tokens)[0] == text


@given(st.lists(st.sampled_from(["a", "Bc", ",", ".", '"', "'", "(", ")", "«", "»", "-", "/",
                                 "$", "5", "'s", "%", "—", ":"]), max_size=30))  # fmt: skip
def test_every_token_is_where_its_position_says(tokens: list[str]) -> None:
    text, positions = detokenise(tokens)
    assert len(positions) == len(tokens)
    assert [text[a:b] for a, b in positions] == tokens
    assert all(a2 >= b1 for (_, b1), (a2, _) in pairwise(positions))
    assert text == text.strip()
