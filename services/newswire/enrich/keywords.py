"""A handful of salient terms: words frequent in the article and rare in the language
(term count times rarity on wordfreq's Zipf scale), people's names left to ``entities``."""

from __future__ import annotations

from collections import Counter

from newswire.enrich.document import KEYWORDS, PERSON_TOKENS, PLACE_TOKENS, Document, Findings
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS
from newswire.enrich.text import Token

MAX_KEYWORDS = 6
_MIN_LETTERS = 4
_TOO_COMMON_ZIPF = 5.0
_RAREST_ZIPF = 7.0
_NOT_TOPICS = ROLE_HEADS | ROLE_MODIFIERS | SPEECH_VERBS


def keywords(
    toks: list[Token], gazetteer: Gazetteer, language: str | None, skip: set[int]
) -> list[str]:
    scale = "ru" if language in ("ru", "kk", "uk") else "en"
    counts = Counter(
        t.lower for i, t in enumerate(toks)
        if i not in skip and len(t.text) >= _MIN_LETTERS and t.text.isalpha()
    )  # fmt: skip
    scored = []
    for word, count in counts.items():
        zipf = gazetteer.frequency(word, scale)
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
