"""A handful of salient terms: words frequent in the article and rare in the language
(term count times rarity on wordfreq's Zipf scale), people's names left to ``entities``."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from operator import mul, neg

from newswire.enrich.document import KEYWORDS, PERSON_TOKENS, PLACE_TOKENS, Document, Findings
from newswire.enrich.gazetteer import Gazetteer
from newswire.enrich.lexicon import ROLE_HEADS, ROLE_MODIFIERS, SPEECH_VERBS
from newswire.enrich.text import Memo, Tokens, word_memo

MAX_KEYWORDS = 6
_MIN_LETTERS = 4
_TOO_COMMON_ZIPF = 5.0
_RAREST_ZIPF = 7.0
_NOT_TOPICS = ROLE_HEADS | ROLE_MODIFIERS | SPEECH_VERBS


def _topic_form(word: str) -> str:
    """The word in lower case when it may be a topic: only letters, and enough of them (no
    "the", no "2025", no "COVID-19"); "" otherwise."""
    return word.lower() if len(word) >= _MIN_LETTERS and word.isalpha() else ""


# One lookup a word tells both whether it may be a topic and its lower case.
_topic_forms = word_memo(_topic_form)


@lru_cache(maxsize=4)  # one table per frequency scale
def _rarities(gazetteer: Gazetteer, scale: str) -> Memo[float]:
    """A lower-case word's rarity (how far below the rarest Zipf frequency it is); 0 for a
    word too common, a role or speech word, or (in English) a verb in the past tense."""
    frequencies = gazetteer.zipf.get(scale, {})  # gazetteer.frequency, without a call a word

    def rarity(word: str) -> float:
        zipf = frequencies.get(word.lower(), 0.0)
        if zipf >= _TOO_COMMON_ZIPF or word in _NOT_TOPICS:
            return 0.0
        if scale == "en" and word.endswith("ed"):  # reported speech, not a topic
            return 0.0
        return _RAREST_ZIPF - zipf  # above 0: the word is rarer than _TOO_COMMON_ZIPF

    return word_memo(rarity)


def keywords(toks: Tokens, gazetteer: Gazetteer, language: str | None, skip: set[int]) -> list[str]:
    scale = "ru" if language in ("ru", "kk", "uk") else "en"
    # Counted and scored in C (maps, filter, Counter, zip): a Python test per token cost more
    # than all the rest. Each word is judged by its rarity once, after counting.
    forms = list(map(_topic_forms.__getitem__, toks.texts))
    for i in skip:
        if 0 <= i < len(forms):
            forms[i] = ""
    counts = Counter(forms)
    counts.pop("", None)
    rarity = _rarities(gazetteer, scale)
    topics = list(filter(rarity.__getitem__, counts))
    scores = map(mul, map(neg, map(counts.__getitem__, topics)), map(rarity.__getitem__, topics))
    scored = sorted(zip(scores, topics, strict=True))  # most frequent times rarest first
    return [word for _, word in scored[:MAX_KEYWORDS]]


def extract(doc: Document) -> Findings:
    """Salient terms; names of people and places are entities, not keywords."""
    skip = doc.claimed_by(PERSON_TOKENS, PLACE_TOKENS)
    return Findings().found(KEYWORDS, keywords(doc.tokens, doc.gazetteer, doc.language, skip))
