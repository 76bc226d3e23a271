"""The quotes benchmark: which sentences are candidates of reported speech, and how a quote
and its speaker are scored against gold PERSON spans."""

from __future__ import annotations

from bench import quotes_real
from bench.corpora import Document, Span
from newswire.core.models import Mention, Quote
from newswire_dev.corpus import unenriched

_BODY = (
    "Иван Петров заявил, что завод откроют. Погода была тёплой.\n"
    "«Мы готовы», — сказал он. По словам Петрова, работы начнутся в мае.\n"
    "Театр «Метро» открылся."
)


def test_candidates_need_a_speech_verb_and_a_sign_or_a_crediting_phrase() -> None:
    said = quotes_real.sentences(_BODY, "ru")
    assert [(s.text, s.candidate) for s in said] == [
        ("Иван Петров заявил, что завод откроют.", True),
        ("Погода была тёплой.", False),
        ("«Мы готовы», — сказал он.", True),
        ("По словам Петрова, работы начнутся в мае.", True),
        ("Театр «Метро» открылся.", False),  # a mark without a speech verb
    ]


def _quote(text: str, speaker: str | None) -> Quote:
    start = _BODY.index(text)
    return Quote(
        text=text,
        speaker=speaker,
        mentions=[Mention(field="body", start=start, end=start + len(text), text=text)],
    )


def test_coverage_and_speakers_against_the_gold_persons_of_the_sentence() -> None:
    start = _BODY.index("Иван Петров")
    person = Span("T1", "PERSON", "body", start, start + 11, "Иван Петров")
    document = Document("nerel", "dev", "demo", "ru", "Завод", _BODY, spans=(person,))
    event = unenriched("Завод", _BODY).model_copy(
        update={
            "quotes": [
                _quote("завод откроют", "Иван Петров"),  # the gold person of its sentence
                _quote("Мы готовы", None),
                _quote("работы начнутся в мае", "Сидоров"),  # nobody of the article
            ]
        }
    )
    tally, seen = quotes_real.Tally(), list[quotes_real.Seen]()
    quotes_real.score(document, event, tally, seen)
    figures = tally.figures()
    assert (figures["candidates"], figures["coverage"]) == (3, 1.0)
    assert figures["speaker_in_sentence"] == round(1 / 3, 4)
    assert figures["no_speaker"] == round(1 / 3, 4)
    assert figures["speaker_right_when_given"] == 0.5
    assert (figures["quotes_outside_candidates"], figures["provenance"]) == (0, 1.0)
    # One quote's sentences name a gold person, and it is that quote's speaker.
    assert figures["person_in_sentence"] == round(1 / 3, 4)
    assert figures["speaker_when_person_in_sentence"] == 1.0
    assert not any(item.speaker_missed for item in seen)


def test_a_quote_whose_sentence_names_a_person_not_given_as_speaker_is_sampled() -> None:
    start = _BODY.index("Иван Петров")
    person = Span("T1", "PERSON", "body", start, start + 11, "Иван Петров")
    document = Document("nerel", "dev", "demo", "ru", "Завод", _BODY, spans=(person,))
    event = unenriched("Завод", _BODY).model_copy(
        update={"quotes": [_quote("завод откроют", None)]}
    )
    tally, seen = quotes_real.Tally(), list[quotes_real.Seen]()
    quotes_real.score(document, event, tally, seen)
    figures = tally.figures()
    assert (figures["person_in_sentence"], figures["speaker_when_person_in_sentence"]) == (1.0, 0.0)
    assert [item.quote for item in seen if item.speaker_missed] == ["завод откроют"]
