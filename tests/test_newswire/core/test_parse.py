"""The dump grammar and every robustness rule of the parser, each asserted on its outcome."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newswire.core.models import Skip
from newswire.core.parse import is_binary, parse_header
from tests.support import articles, parse_bytes, rejections

ARTICLE = b"14.07.2025, 12:31 5091\nA title\nFirst paragraph.\nSecond paragraph.\n"


@pytest.mark.parametrize(
    ("line", "local_time", "views", "dump_date"),
    [
        ("14.07.2025, 12:31 5091", datetime(2025, 7, 14, 12, 31), 5091, None),
        (
            " date 2025-07-17 14.07.2025, 12:31 5091",
            datetime(2025, 7, 14, 12, 31),
            5091,
            date(2025, 7, 17),
        ),
        ("29.02.2024, 00:00 0  ", datetime(2024, 2, 29, 0, 0), 0, None),
    ],
)
def test_headers_are_recognised(
    line: str, local_time: datetime, views: int, dump_date: date | None
) -> None:
    header = parse_header(line)
    assert header is not None
    assert (header.local_time, header.views, header.dump_date) == (local_time, views, dump_date)


@pytest.mark.parametrize(
    "line",
    [
        "32.07.2025, 12:31 5091",  # no 32nd
        "29.02.2025, 12:31 5091",  # 2025 is not a leap year
        "14.13.2025, 12:31 5091",  # no 13th month
        "14.07.2025, 24:00 5091",  # no hour 24
        "14.07.2025, 12:60 5091",  # no minute 60
        "14.07.2025, 12:31",  # no views
        "14.07.2025 12:31 5091",  # no comma
        "date 2025-02-30 14.07.2025, 12:31 5091",  # impossible dump date
        "In 14.07.2025, 12:31 5091 people came",
    ],
)
def test_impossible_or_malformed_headers_are_text(line: str) -> None:
    assert parse_header(line) is None


def test_an_impossible_header_line_stays_in_the_body() -> None:
    [article] = articles(parse_bytes(ARTICLE + b"31.06.2025, 10:00 5\n"))
    assert article.paragraphs[-1] == "31.06.2025, 10:00 5"


def test_crlf_and_bom_are_transparent() -> None:
    plain = articles(parse_bytes(ARTICLE))
    windows = articles(parse_bytes(b"\xef\xbb\xbf" + ARTICLE.replace(b"\n", b"\r\n")))
    assert [a.model_dump() for a in windows] == [a.model_dump() for a in plain]
    assert plain[0].paragraphs == ("First paragraph.", "Second paragraph.")


def test_blank_lines_between_paragraphs_are_ignored() -> None:
    [article] = articles(parse_bytes(ARTICLE.replace(b"\n", b"\n\n \n")))
    assert article.title == "A title"
    assert article.paragraphs == ("First paragraph.", "Second paragraph.")


def test_invalid_utf8_is_replaced_and_flagged() -> None:
    [article] = articles(parse_bytes(ARTICLE.replace(b"First", b"Fi\xffrst\xc3")))
    assert article.paragraphs[0] == "Fi\ufffdrst\ufffd paragraph."
    assert article.flags == ("invalid_utf8",)


def test_stray_binary_between_articles_is_skipped_and_counted() -> None:
    junk = b"\x00\x01\x02\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n"
    outputs = parse_bytes(ARTICLE + junk + ARTICLE.replace(b"A title", b"B title"))
    found = articles(outputs)
    assert [a.title for a in found] == ["A title", "B title"]
    assert found[0].paragraphs == ("First paragraph.", "Second paragraph.")
    assert found[0].flags == ("binary_skipped",)
    skips = [(o.reason, o.offset) for o in outputs if isinstance(o, Skip)]
    # Counted once per line of junk, at its offset: "...PNG\r\n", "\x1a\n", "...IHDR\n".
    assert skips == [("binary_line", len(ARTICLE) + n) for n in (0, 9, 11)]


def test_header_followed_by_header_is_rejected_as_missing_title() -> None:
    outputs = parse_bytes(b"01.07.2025, 10:00 7\n" + ARTICLE + b"02.07.2025, 11:00 8\n")
    [rejected_first, rejected_last] = rejections(outputs)
    assert (rejected_first.reason, rejected_first.offset) == ("missing_title", 0)
    assert rejected_first.excerpt == "01.07.2025, 10:00 7"
    assert rejected_last.reason == "missing_title"
    assert [a.title for a in articles(outputs)] == ["A title"]


def test_a_title_without_paragraphs_is_kept_and_flagged() -> None:
    [article] = articles(parse_bytes(b"01.07.2025, 10:00 7\nOnly a title\n"))
    assert article.paragraphs == ()
    assert article.flags == ("empty_body",)


def test_text_before_the_first_header_is_rejected_once_as_orphan() -> None:
    outputs = parse_bytes(b"garbage line one\nline two\n" + ARTICLE)
    [orphan] = rejections(outputs)
    assert (orphan.reason, orphan.offset) == ("orphan_text", 0)
    assert orphan.message.startswith("2 line(s)")
    assert orphan.excerpt == "garbage line one"
    assert len(articles(outputs)) == 1


def test_dump_markers_set_the_dump_date_of_following_articles() -> None:
    data = b"date 2025-07-17 " + ARTICLE + b" date 2025-07-18 " + ARTICLE + ARTICLE
    dates = [a.dump_date for a in articles(parse_bytes(data))]
    assert dates == [date(2025, 7, 17), date(2025, 7, 18), date(2025, 7, 18)]


def test_an_article_without_marker_has_no_dump_date() -> None:
    [article] = articles(parse_bytes(ARTICLE))
    assert article.dump_date is None


def test_a_multi_megabyte_article_is_truncated_to_the_bound_and_flagged() -> None:
    paragraph = ("word " * 20_000).strip().encode()  # ~100 KB per line
    big = b"01.07.2025, 10:00 7\nHuge\n" + (paragraph + b"\n") * 40  # ~4 MB
    limit = 256 * 1024
    outputs = parse_bytes(big + ARTICLE, chunk_size=65536, max_article_bytes=limit)
    huge, following = articles(outputs)
    size = len(huge.title.encode()) + sum(len(p.encode()) + 1 for p in huge.paragraphs)
    assert limit - 200_000 < size <= limit
    assert huge.flags == ("truncated",)
    assert following.title == "A title"


def test_a_single_line_larger_than_the_bound_is_cut_at_a_character_boundary() -> None:
    line = "Ж" * 300_000  # 600 KB of two-byte characters on one line
    data = b"01.07.2025, 10:00 7\nHuge\n" + line.encode() + b"\n" + ARTICLE
    for chunk_size in (4096, 1 << 20):
        huge, following = articles(parse_bytes(data, chunk_size, max_article_bytes=100_000))
        assert huge.flags == ("truncated",)
        assert set(huge.paragraphs[0]) == {"Ж"}
        assert len(huge.paragraphs[0].encode()) <= 100_000
        assert following.paragraphs == ("First paragraph.", "Second paragraph.")


def test_a_truncated_file_yields_its_complete_part() -> None:
    cut = ARTICLE + b"15.07.2025, 08:00 12\nSecond title\nA paragraph cut in the mid"
    found = articles(parse_bytes(cut))
    assert [a.title for a in found] == ["A title", "Second title"]
    assert found[1].paragraphs == ("A paragraph cut in the mid",)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@given(st.text(alphabet=st.sampled_from("ab \t\x00\x07\x0b\x1f\x7f\x85\xa0\u2028\ufffdя")))
def test_a_line_is_binary_for_a_control_character_or_mostly_replacement_characters(
    line: str,
) -> None:
    # The definition; is_binary skips the expression for printable lines.
    mostly_replaced = len(line) >= 4 and line.count("\ufffd") * 4 >= len(line)
    assert is_binary(line) == (_CONTROL.search(line) is not None or mostly_replaced)
