"""An article's language comes from its title and opening, and a repeated opening is not
detected twice."""

from __future__ import annotations

from newswire.enrich import language
from newswire.enrich.language import detect_language, language_of_sample

ENGLISH_OPENING = "The central bank raised its main interest rate on Tuesday, citing inflation."
RUSSIAN_OPENING = "Центральный банк во вторник повысил ключевую ставку, сославшись на инфляцию."
KAZAKH_OPENING = "Ұлттық банк сейсенбі күні негізгі мөлшерлемені көтерді, инфляцияға сілтеме."


def test_languages_of_openings() -> None:
    assert detect_language("Rates", ENGLISH_OPENING) == "en"
    assert detect_language("Ставка", RUSSIAN_OPENING) == "ru"
    assert detect_language("Мөлшерлеме", KAZAKH_OPENING) == "kk"


def test_no_letters_no_language() -> None:
    assert detect_language("2025", "— 12:30, 45 %") is None


def test_text_after_the_opening_does_not_count() -> None:
    opening = ENGLISH_OPENING * 5
    assert detect_language("Rates", opening + RUSSIAN_OPENING * 50) == "en"


def test_a_revision_sharing_the_opening_is_not_detected_again() -> None:
    language_of_sample.cache_clear()
    opening = ENGLISH_OPENING * 5
    first = detect_language("Rates", opening + " First version ends here.")
    revised = detect_language("Rates", opening + " The revision changed the ending.")
    assert first == revised == "en"
    assert language_of_sample.cache_info().misses == 1


def test_cyrillic_is_decided_by_its_letters_without_lingua(monkeypatch) -> None:
    language_of_sample.cache_clear()

    def no_lingua() -> None:
        raise AssertionError("lingua asked about Cyrillic text")

    monkeypatch.setattr("newswire.enrich.language._detector", no_lingua)
    assert detect_language("Ставка", RUSSIAN_OPENING) == "ru"
    assert detect_language("Мөлшерлеме", KAZAKH_OPENING) == "kk"
    assert (
        detect_language("Ставка", "Національний банк у вівторок підвищив облікову ставку.") == "uk"
    )


def test_a_few_kazakh_letters_in_russian_text_are_left_to_lingua() -> None:
    # A Russian article naming one Kazakh place in Kazakh spelling stays Russian.
    assert detect_language("Визит", RUSSIAN_OPENING + " Делегация прибыла в Қарағанды.") == "ru"


def test_latin_script_is_left_to_lingua() -> None:
    assert detect_language("Zinsen", "Die Zentralbank hat am Dienstag den Leitzins erhöht.") == "de"
    assert detect_language("Tokayev in Astana", ENGLISH_OPENING) == "en"


def test_english_prose_is_decided_by_its_function_words_and_other_languages_are_not(
    monkeypatch,
) -> None:
    language_of_sample.cache_clear()
    asked: list[str] = []
    real = language._detector()  # noqa: SLF001 - wrapped to count what lingua is asked

    class Counting:
        def detect_language_of(self, sample: str):
            asked.append(sample)
            return real.detect_language_of(sample)

    monkeypatch.setattr("newswire.enrich.language._detector", Counting)
    assert detect_language("Rates", ENGLISH_OPENING + " It was the third rise this year.") == "en"
    # Agency copy thick with names and titles: function words are about one word in nine.
    named = (
        "Minister of Digital Development of Uzbekistan Marat Nørgaard held a meeting on rail "
        "transit in Tashkent, Kazinform News Agency reports. According to Samruk-Kazyna, trade "
        "turnover reached 91 million euros in 2024, up 19 percent."
    )
    assert detect_language("Minister Marat Nørgaard Visits Tashkent", named) == "en"
    assert asked == []  # English prose: no lingua
    others = {
        "de": "Die Zentralbank hat am Dienstag den Leitzins erhöht, weil die Inflation in den "
        "letzten Monaten gestiegen ist und die Regierung das so wollte.",
        "fr": "La banque centrale a relevé mardi son taux directeur, en raison de l'inflation "
        "qui a augmenté dans les derniers mois selon le gouvernement.",
        "es": "El banco central subió el martes su tipo de interés, debido a la inflación que "
        "ha aumentado en los últimos meses según el gobierno del país.",
        "tr": "Merkez bankası salı günü faiz oranını artırdı, çünkü enflasyon son aylarda "
        "yükseldi ve hükümet bunu istedi diye açıklama yaptı bugün.",
    }
    for code, text in others.items():
        assert detect_language("Zentralbank", text) == code
    assert len(asked) == len(others)  # the other languages went to lingua
