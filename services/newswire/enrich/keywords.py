"""A handful of salient terms: words frequent in the article and rare in the language
(term count times rarity on wordfreq's Zipf scale), people's names left to ``entities``."""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import attrgetter

from newswire.enrich.document import KEYWORDS, PERSON_TOKENS, PLACE_TOKENS, Document, Findings
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS
from newswire.enrich.text import Memo, Token

MAX_KEYWORDS = 6
_MIN_LETTERS = 4
_TOO_COMMON_ZIPF = 5.0
_RAREST_ZIPF = 7.0
_NOT_TOPICS = ROLE_HEADS | ROLE_MODIFIERS | SPEECH_VERBS
_WORDS_REMEMBERED = 1 << 16  # an article's words mostly come back in the next ones

_text = attrgetter("text")
_lower = attrgetter("lower")


def _could_be_topic(word: str) -> bool:
    """Only letters, and enough of them (no "the", no "2025", no "COVID-19")."""
    return len(word) >= _MIN_LETTERS and word.isalpha()


_topic_word = Memo(_could_be_topic, limit=_WORDS_REMEMBERED, longest=40)


def keywords(
    toks: list[Token], gazetteer: Gazetteer, language: str | None, skip: set[int]
) -> list[str]:
    scale = "ru" if language in ("ru", "kk", "uk") else "en"
    # Counted in C (maps, compress, Counter): a Python test per token cost more than the rest.
    texts = list(map(_text, toks))
    for i in skip:
        if 0 <= i < len(texts):
            texts[i] = ""  # no topic
    counts = Counter(compress(map(_lower, toks), map(_topic_word.__getitem__, texts)))
    frequencies = gazetteer.zipf.get(scale, {})  # gazetteer.frequency, without a call a word
    scored = []
    for word, count in counts.items():
        zipf = frequencies.get(word.lower(), 0.0)
        if zipf >= _TOO_COMMON_ZIPF or word in _NOT_TOPICS:
            continue
        if scale == "en" and word.endswith("ed"):  # reported speech, not a topic
            continue
        scored.append((-count * (_RAREST_ZIPF - zipf), word))
    return [word for _, word in sorted(scored)[:MAX_KEYWORDS]]


def extract(doc: Document) -> Findings:
    """Salient terms; names of people and places are entities, not keywords."""
    skip = doc.claimed_by(PERSON_TOKENS, PLACE_TOKENS)
    return Findings().found(KEYWORDS, keywords(doc.tokens, doc.gazetteer, doc.language, skip))
