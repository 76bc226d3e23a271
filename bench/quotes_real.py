"""Quotes and their speakers on real Russian and Kazakh news (NEREL, KazNERD), without a
quote annotation.

Neither corpus marks quotes, so what is measured is what can be told from the text and its
gold PERSON spans, independently of the extractor's patterns:

- a *candidate* is a sentence of the body with a speech verb (a broad list of stems, wider
  than the extractor's: ``заяв``, ``сообщ``, ``рассказ``..., ``деді``, ``мәлімде``...) and a sign
  of reported speech: a quotation mark, a dash before the verb, ``что`` after the verb, a
  final colon, or Kazakh ``деп``/``екенін``; or a sentence with ``по словам``/``по мнению``
  (``сөзінше``/``айтуынша``/``пікірінше``). A sentence ending with a colon reaches the next
  one (``Анна говорит:`` then what she said). Quotation marks also enclose
  names (``«Метро»``), so not every candidate is reported speech: the hand check of a sample
  (``--sample``) says how many are;
- *coverage*: the share of candidates that a found quote's text overlaps (its mention);
- *speaker in sentence*: of the found quotes that overlap a candidate, the share whose speaker
  is a gold PERSON of the sentences the quote touches (by surname key, as persons are
  scored: ``bench.scoring.clues.same_person``); *speaker in article*: a gold PERSON anywhere
  in the article (a pronoun's speaker is named in an earlier sentence); *no speaker*: the
  share with none (``— сообщил представитель Обамы``: no name is said);
- *person in sentence*: the share of those quotes whose sentences name a gold PERSON at all,
  and *speaker | person*: of these, the share whose speaker is that PERSON. Most reported
  speech in KazNERD's television news credits no named person (``— дейді мамандар``,
  ``тұрғындардың айтуынша``): *speaker in sentence* is bounded by *person in sentence*;
  ``--missed-speakers`` samples the quotes whose sentences name one that was not given;
- *outside candidates*: found quotes that touch no candidate (counted: a reading of precision
  where nothing else is available; the sample shows them too);
- *provenance*: the share of quotes whose mention is exactly their text in the event.

Figures go to bench/results/quotes_real.json (no corpus text; not when ``--corpus`` selects
some splits). ``--sample N`` prints N random candidates and quotes of the selected splits
with what was found, for a hand check (corpus text: on the terminal, never in git).

    python -m bench.quotes_real [--corpus nerel-dev ...] [--sample 30] [--missed-speakers]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from typing import Any

from bench.common import num, write
from bench.corpora import CORPORA, Document, Span, Unavailable, load
from bench.scoring.clues import same_person
from bench.scoring.keys import person_key
from bench.scoring.tally import ratio
from newswire.core.models import ArticleEvent, Quote
from newswire.enrich import enrich
from newswire_dev.corpus import unenriched

SPLITS = ("nerel-dev", "nerel-test", "kaznerd-dev", "kaznerd-test")
# Stems of speech verbs, Russian and Kazakh: what says "someone said this".
_RU_VERBS = (
    r"(?:заяв|сообщ|сказа|отмет|подчеркн|подчёркн|добав|поясн|объясн|рассказ|уточн|признал|"
    r"признав|указ|напомн|заметил|заметила|говор|ответил|ответила|предупред|пообещ|"
    r"констатир|резюмир|выразил|выразила|считает|убежден|уверен|цитир|написал|написала)"
)
_RU_VERB = re.compile(rf"(?<![\w-]){_RU_VERBS}\w*", re.IGNORECASE)
_KK_VERB = re.compile(
    r"(?<![\w-])(?:деді|дейді|айтты|айтады|айтқан|мәлімде\w*|атап өт\w*|атап көрсет\w*|"
    r"хабарла\w*|жеткізді|түсіндірді|қосты|сендірді|ескертті|пікірінше|сөзінше|айтуынша)",
    re.IGNORECASE,
)
_MARK = re.compile(r"[«»“”\"„]")
_RU_SIGN = re.compile(
    r"[«“\"„]|[,»”\"]\s*[–—-]\s*\w|по словам|по мнению|, что\b|:\s*$", re.IGNORECASE
)
_KK_SIGN = re.compile(
    r"[«“\"„]|[,»”\"]\s*[–—-]\s*\w|(?<!\w)деп(?!\w)|екені\w*|екенд\w*|сөзінше|пікірінше|айтуынша"
)
# Phrases that credit what follows to someone by themselves ("По словам X, ...").
_CREDIT = re.compile(r"по словам|по мнению|сөзінше|айтуынша|пікірінше", re.IGNORECASE)
# Sentences: a stop, then spaces, then a capital, a quotation mark or a dash.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“„–—-]?\s*[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ])")


@dataclass
class Sentence:
    start: int  # in the body
    end: int
    text: str
    candidate: bool


@dataclass
class Tally:
    candidates: int = 0
    covered: int = 0
    quotes: int = 0
    on_candidates: int = 0
    speaker_in_sentence: int = 0
    speaker_in_article: int = 0
    no_speaker: int = 0
    given_in_sentence: int = 0  # of the quotes with a speaker, the gold PERSON of its sentence
    person_in_sentence: int = 0  # quotes on candidates whose sentences name a gold PERSON
    outside: int = 0
    with_provenance: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "candidates": self.candidates,
            "coverage": ratio(self.covered, self.candidates),
            "quotes": self.quotes,
            "quotes_on_candidates": self.on_candidates,
            "speaker_in_sentence": ratio(self.speaker_in_sentence, self.on_candidates),
            "speaker_in_article": ratio(self.speaker_in_article, self.on_candidates),
            "no_speaker": ratio(self.no_speaker, self.on_candidates),
            "speaker_right_when_given": ratio(
                self.given_in_sentence, self.on_candidates - self.no_speaker
            ),
            "person_in_sentence": ratio(self.person_in_sentence, self.on_candidates),
            "speaker_when_person_in_sentence": ratio(
                self.speaker_in_sentence, self.person_in_sentence
            ),
            "quotes_outside_candidates": self.outside,
            "provenance": ratio(self.with_provenance, self.quotes),
        }


def sentences(body: str, language: str) -> list[Sentence]:
    """The body's sentences with whether each is a candidate of reported speech."""
    verb, sign = (_KK_VERB, _KK_SIGN) if language == "kk" else (_RU_VERB, _RU_SIGN)
    out = []
    offset = 0
    for paragraph in body.split("\n"):
        start = 0
        for match in [*_SENTENCE_END.finditer(paragraph), None]:
            end = match.start() if match else len(paragraph)
            text = paragraph[start:end]
            if text.strip():
                candidate = bool(verb.search(text) and sign.search(text)) or bool(
                    _CREDIT.search(text)
                )
                out.append(Sentence(offset + start, offset + end, text, candidate))
            start = match.end() if match else end
        offset += len(paragraph) + 1
    return out


def _spans(quote: Quote) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in quote.mentions if m.field == "body"]


def _touches(spans: list[tuple[int, int]], sentence: Sentence) -> bool:
    return any(start < sentence.end and sentence.start < end for start, end in spans)


def _is_gold(speaker: str | None, persons: list[Span], language: str) -> bool:
    if not speaker:
        return False
    key = person_key(speaker, language)
    return any(same_person(key, person_key(span.text, language)) for span in persons)


@dataclass
class Seen:
    """One quote or candidate, for the hand-checked sample."""

    sentence: str
    quote: str | None
    speaker: str | None
    gold_persons: list[str]
    speaker_missed: bool = False  # a gold PERSON in its sentences, and not given as speaker


def score(document: Document, event: ArticleEvent, tally: Tally, seen: list[Seen]) -> None:
    language = document.language
    said = sentences(document.body, language)
    persons = [s for s in document.spans if s.label == "PERSON" and s.field == "body"]
    quote_spans = [(quote, _spans(quote)) for quote in event.quotes]
    for index, sentence in enumerate(said):
        if not sentence.candidate:
            continue
        tally.candidates += 1
        # "Анна говорит:" introduces the next sentence: a quote of that one covers it.
        introduced = sentence.text.rstrip().endswith(":") and index + 1 < len(said)
        reach = said[index + 1] if introduced else sentence
        whole = Sentence(sentence.start, reach.end, sentence.text, True)
        covering = [q for q, spans in quote_spans if _touches(spans, whole)]
        tally.covered += bool(covering)
        if not covering:
            seen.append(Seen(sentence.text, None, None, _in(persons, sentence)))
    for quote, spans in quote_spans:
        missed = False  # a gold PERSON in its sentences, and not given as its speaker
        tally.quotes += 1
        exact = any(event.body[m.start : m.end] == m.text for m in quote.mentions)
        tally.with_provenance += exact and bool(spans)
        touched = _introduced([s for s in said if _touches(spans, s)], said)
        if not any(s.candidate for s in touched):
            tally.outside += 1
        else:
            tally.on_candidates += 1
            near = [p for p in persons if any(_inside(p, s) for s in touched)]
            in_sentence = _is_gold(quote.speaker, near, language)
            tally.person_in_sentence += bool(near)
            missed = bool(near) and not in_sentence
            tally.speaker_in_sentence += in_sentence
            tally.given_in_sentence += in_sentence or _is_gold(quote.speaker, persons, language)
            tally.speaker_in_article += _is_gold(quote.speaker, persons, language)
            tally.no_speaker += quote.speaker is None
        text = " ".join(s.text for s in touched)
        gold_near = [name for s in touched for name in _in(persons, s)]
        seen.append(Seen(text, quote.text, quote.speaker, gold_near, missed))


def _introduced(touched: list[Sentence], said: list[Sentence]) -> list[Sentence]:
    """The sentences a quote touches, with the one before them when it ends with a colon
    ("Анна говорит:"): that one names the speaker."""
    if not touched:
        return touched
    index = said.index(touched[0])
    if index > 0 and said[index - 1].text.rstrip().endswith(":"):
        return [said[index - 1], *touched]
    return touched


def _inside(span: Span, sentence: Sentence) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def _in(persons: list[Span], sentence: Sentence) -> list[str]:
    return [p.text for p in persons if _inside(p, sentence)]


def measure(label: str) -> tuple[Tally, list[Seen]]:
    name, _, split = label.rpartition("-")
    tally, seen = Tally(), list[Seen]()
    for document in load(name, split):
        event = enrich(unenriched(document.title, document.body))
        score(document, event, tally, seen)
    return tally, seen


def _show(seen: list[Seen], count: int, seed: int) -> None:
    for item in random.Random(seed).sample(seen, min(count, len(seen))):
        print("-" * 72)
        print("SENTENCE:", item.sentence[:600])
        print("QUOTE:   ", None if item.quote is None else item.quote[:300])
        print("SPEAKER: ", item.speaker, "| gold persons:", item.gold_persons)


def table(results: dict[str, dict[str, Any]]) -> str:
    head = ("split", "candidates", "coverage", "quotes", "on cand.", "speaker sent.",
            "speaker art.", "no speaker", "right if given", "person sent.", "speaker|person",
            "outside", "provenance")  # fmt: skip
    rows = [head]
    for label, f in results.items():
        rows.append((
            label, str(f["candidates"]), num(f["coverage"]), str(f["quotes"]),
            str(f["quotes_on_candidates"]), num(f["speaker_in_sentence"]),
            num(f["speaker_in_article"]), num(f["no_speaker"]),
            num(f["speaker_right_when_given"]), num(f["person_in_sentence"]),
            num(f["speaker_when_person_in_sentence"]),
            str(f["quotes_outside_candidates"]), num(f["provenance"]),
        ))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME-SPLIT",
                        choices=SPLITS, help="nerel-dev, ... (default: all four)")  # fmt: skip
    parser.add_argument("--sample", type=int, default=0, help="print this many for a hand check")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--missed-speakers", action="store_true",
                        help="sample only quotes whose sentences name a gold PERSON that is "
                             "not given as their speaker")  # fmt: skip
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    skipped: dict[str, str] = {}
    sample: list[Seen] = []
    for label in args.corpus or SPLITS:
        if label.rpartition("-")[0] not in CORPORA:
            continue
        try:
            tally, seen = measure(label)
        except Unavailable as exc:
            skipped[label] = str(exc)
            continue
        results[label] = tally.figures()
        sample += seen
    if args.missed_speakers:
        sample = [item for item in sample if item.speaker_missed]
    if args.sample:
        _show(sample, args.sample, args.seed)
    print(table(results) if results else "no corpus could be read")
    for label, reason in skipped.items():
        print(f"{label}: skipped: {reason}")
    if results and not args.corpus:
        write("quotes_real.json", {"corpora": results, "skipped": skipped})
    return 0


if __name__ == "__main__":
    sys.exit(main())
