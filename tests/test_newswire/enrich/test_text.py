"""Tokens: words with positions, sentence starts, lower case and capitalisation."""

from __future__ import annotations

import pytest

from newswire.enrich.text import Memo, Token, tokens, tokens_within


def test_a_token_holds_its_word_span_sentence_start_lower_case_and_capital() -> None:
    assert list(tokens("The Minister met. Then left")) == [
        Token("The", 0, 3, True, "the", True),
        Token("Minister", 4, 12, False, "minister", True),
        Token("met", 13, 16, False, "met", False),
        Token("Then", 18, 22, True, "then", True),
        Token("left", 23, 27, False, "left", False),
    ]


def test_no_letters_no_tokens() -> None:
    assert list(tokens("")) == []
    assert list(tokens(" 2025, 3.5 % — _ ")) == []


def test_a_word_starts_with_a_letter_and_keeps_inner_dots_hyphens_and_apostrophes() -> None:
    words = [t.text for t in tokens("Díaz-Canel, primeminister.kz O’Brien 12km U.S. end-")]
    assert words == ["Díaz-Canel", "primeminister.kz", "O’Brien", "km", "U.S", "end"]


def test_a_possessive_ending_is_split_off_and_does_not_start_a_sentence() -> None:
    toks = tokens("Kazakhstan's economy and Japan’s. It's x's")
    assert [(t.text, t.start, t.end) for t in toks] == [
        ("Kazakhstan", 0, 10),
        ("economy", 13, 20),
        ("and", 21, 24),
        ("Japan", 25, 30),
        ("It", 34, 36),
        ("x's", 39, 42),  # too short to be a possessive
    ]
    assert [t.sentence_start for t in toks] == [True, False, False, False, True, False]


def test_sentence_breaks_in_any_gap_start_a_sentence() -> None:
    toks = tokens('said: "We agree" and\nthen «Yes» 5 no ; ok')  # a closing mark too
    assert [t.text for t in toks if t.sentence_start] == ["said", "We", "and", "then", "Yes", "ok"]


def test_other_scripts_are_words_with_their_own_case() -> None:
    toks = tokens("Қазақстан мен Ресей ΟΔΟΣ")
    assert [(t.lower, t.capitalised) for t in toks] == [
        ("қазақстан", True),
        ("мен", False),
        ("ресей", True),
        ("οδος", True),
    ]


def test_a_long_gap_is_read_as_well_as_a_short_one() -> None:
    assert [t.sentence_start for t in tokens("one 1 2 3 4 5 6 7. two 1 2 3 4 5 6 7 three")] == [
        True,
        True,
        False,
    ]


def test_a_memo_answers_as_its_function_and_keeps_only_short_arguments_up_to_a_limit() -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = Memo(length, limit=2, longest=3)
    assert [memo[w] for w in ["ab", "ab", "abcd", "abcd", "x", "y", "y"]] == [2, 2, 4, 4, 1, 1, 1]
    assert calls == ["ab", "abcd", "abcd", "x", "y", "y"]  # too long, then past the limit
    assert dict(memo) == {"ab": 2, "x": 1}


def test_a_token_made_on_demand_is_the_one_in_the_list() -> None:
    toks = tokens("Kazakhstan's envoy met. The Minister")
    assert [toks[i] for i in range(len(toks))] == toks.listed() == list(toks)
    assert toks[-1] == toks[len(toks) - 1]
    assert toks[1:3] == toks.listed()[1:3]
    assert [toks.sentence_start(i) for i in range(len(toks))] == [True, False, False, True, False]
    assert toks.lower(0) == "kazakhstan"
    for outside in (len(toks), -len(toks) - 1):
        with pytest.raises(IndexError):
            toks[outside]


def test_tokens_within_spans_are_those_that_start_inside_one() -> None:
    toks = tokens("paid 3 billion US dollars to Japan")  # starts 0, 7, 15, 18, 29
    assert tokens_within(toks, [(7, 26), (30, 40)]) == {1, 2, 3}
    assert tokens_within(toks, []) == set()


@pytest.mark.parametrize(
    "text",
    ["", " 2025 ", "The Minister met. Then left", "Kazakhstan's economy and Japan’s. It's x's end"],
)
def test_the_columns_hold_what_the_tokens_hold(text: str) -> None:
    toks = tokens(text)
    assert toks.texts == [t.text for t in toks]
    assert toks.starts == [t.start for t in toks]
    assert toks.ends == [t.end for t in toks]
    assert toks.capitals == [t.capitalised for t in toks]
    assert toks.capitalised_at == [i for i, t in enumerate(toks) if t.capitalised]
    following_starts = [t.start for t in toks[1:]] + ([len(text)] if toks else [])
    assert toks.gaps_after == [
        text[t.end : start] for t, start in zip(toks, following_starts, strict=True)
    ]


def test_a_no_break_space_in_a_gap_reads_as_a_space_and_offsets_stay() -> None:
    text = "группы СВ\xa0— Вадимом\xa0Голутвиным"
    toks = tokens(text)
    assert toks.gaps_after[:3] == [" ", " — ", " "]
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends, strict=True)] == toks.texts
