"""The source an article credits, as written, and its canonical publisher."""

from __future__ import annotations

import pytest

from newswire.enrich.attribution import attribution, publisher


@pytest.mark.parametrize(
    ("opening", "source", "canonical"),
    [
        (
            "Глава государства провел совещание, сообщает пресс-служба Акорды.",
            "пресс-служба Акорды",
            "Akorda",
        ),
        (
            "Стороны подписали соглашение, передает Kazinform со ссылкой на пресс-службу Акорды.",
            "Kazinform",
            "Kazinform",
        ),
        (
            "Министр провел встречу. Об этом сообщает пресс-служба МИД РК.",
            "пресс-служба МИД РК",
            "Kazakh MFA",
        ),
        (
            "Стороны подписали меморандум, сообщили в пресс-службе МИД РК.",
            "пресс-службе МИД РК",
            "Kazakh MFA",
        ),
        ("Посол встретился с акимом, передает МИА «Казинформ».", "МИА «Казинформ»", "Kazinform"),
        (
            "Премьер-министр провел заседание, сообщает primeminister.kz.",
            "primeminister.kz",
            "primeminister.kz",
        ),
        ("Тараптар келісімге қол қойды, деп хабарлайды ҚазАқпарат.", "ҚазАқпарат", "Kazinform"),
        (
            "The sides met in Astana, the press service of the Kazakh MFA reports.",
            "press service of the Kazakh MFA",
            "Kazakh MFA",
        ),
        ("The parties met in Baku, Trend News Agency reports.", "Trend News Agency", None),
    ],
)
def test_source_as_written_and_publisher(opening: str, source: str, canonical: str | None) -> None:
    found = attribution([opening])
    assert found == source
    assert publisher(found) == canonical


def test_no_clause_no_source() -> None:
    assert attribution(["Стороны обсудили сотрудничество в сфере энергетики."]) is None
    assert publisher(None) is None
