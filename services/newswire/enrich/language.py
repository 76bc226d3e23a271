"""Language of an article (ISO 639-1): by its letters where the script decides, else with
lingua's bundled n-gram models.

Cyrillic text decides by letters alone: Kazakh has letters no other language of ours has
(ә ғ қ ң ө ұ ү һ), Ukrainian has і ї є ґ, Russian none of them. Text mostly in Cyrillic is
Kazakh when those Kazakh letters are at least 4 % of its Cyrillic letters (Kazakh news: 10 %
in the median, 3.4 % at least, in 1,396 KazNERD openings), Russian or Ukrainian when they are
under 1 % (a Russian opening with a Kazakh name or two in Kazakh spelling: between the two,
left to lingua; no NEREL opening has one). Latin script leaves a real choice (English,
German, French, Spanish, Turkish), except for prose whose words are English function words
at least 10 % of the time (English news: about 40 %, agency copy thick with names and titles
11 to 15 %; German, French, Spanish and Turkish prose share a handful of them, "in", "a", and
none of this list but the rare "an", "was", "on"): that is English without asking. lingua
decides the rest (tables of names and numbers, other languages, mixed text). Low-accuracy
mode (trigram models) is accurate on article-length text and keeps a worker's memory near
40 MB instead of hundreds.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

LANGUAGES = (
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.KAZAKH,
    Language.UKRAINIAN,
    Language.GERMAN,
    Language.FRENCH,
    Language.SPANISH,
    Language.TURKISH,
)
_SAMPLE_CHARS = 300  # the opening of an article decides; the rest only costs time
# lingua's time grows faster than linearly with its input (3.5 s for a 100 KB title): a title
# is a line of words, and its first few hundred characters say its language as well as all.
_TITLE_CHARS = 1_000
# Revisions and near-duplicates of an article share its title and opening, hence its sample:
# lingua costs ~150 µs a sample, a remembered answer ~1 µs. 2,048 samples of ~350 characters
# hold ~1.5 MB and cover the revisions that arrive within a few thousand articles.
_REMEMBERED_SAMPLES = 2_048


@cache
def _detector() -> LanguageDetector:
    # The models are loaded when a sample first needs them (lingua's default): the script's
    # languages only, about 5 ms, where preloading all of them cost 80 ms of every run's
    # start (the same languages detected: compared on 8,000 samples of four corpora).
    return LanguageDetectorBuilder.from_languages(*LANGUAGES).with_low_accuracy_mode().build()


def detect_language(title: str, body: str) -> str | None:
    return language_of_sample(f"{title[:_TITLE_CHARS]}\n{body[:_SAMPLE_CHARS]}")


@lru_cache(maxsize=_REMEMBERED_SAMPLES)
def language_of_sample(sample: str) -> str | None:
    """The language of ``sample``, remembered: the same sample always gets the same one."""
    by_letters = _by_letters(sample)
    if by_letters is not _UNDECIDED:
        return by_letters
    language = _detector().detect_language_of(sample)
    return None if language is None else str(language.iso_code_639_1.name).lower()


_UNDECIDED = "?"
_CYRILLIC_SHARE = 0.9  # of the letters: the script decides
_KAZAKH_SHARE = 0.04  # of the Cyrillic letters: Kazakh
_NOT_KAZAKH_SHARE = 0.01  # below: not Kazakh; between the two, lingua decides
_UKRAINIAN_SHARE = 0.01
_KAZAKH = re.compile("[әғқңөұүһӘҒҚҢӨҰҮҺ]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# What is no letter (not a word character, or a digit or "_"): letters are counted as the
# characters left, since the non-letters are fewer to find (2.5 times cheaper than finding
# every letter: the most costly step of detecting a language by letters).
_NOT_LETTER = re.compile(r"[\W\d_]")


_ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "was",
        "were",
        "has",
        "have",
        "said",
        "it",
        "its",
        "be",
        "an",
        "this",
        "are",
        "will",
        "which",
        "would",
        "who",
        "been",
        "their",
        "they",
        "he",
        "she",
        "his",
        "her",
        "not",
        "but",
        "after",
    ]
)
_ENGLISH_SHARE = 0.10  # of the words of a Latin sample
_ENGLISH_MIN_WORDS = 12
_LATIN_WORD = re.compile(r"[A-Za-z]+")


def _by_letters(sample: str) -> str | None:
    """The language the letters of ``sample`` decide (None: it has none), or ``_UNDECIDED``."""
    letters = len(sample) - len(_NOT_LETTER.findall(sample))
    if not letters:
        return None
    cyrillic = len(_CYRILLIC.findall(sample))
    if cyrillic < _CYRILLIC_SHARE * letters:
        # Mostly Latin letters (not a mix with Cyrillic): English prose may decide.
        return _english_prose(sample) if cyrillic < (1 - _CYRILLIC_SHARE) * letters else _UNDECIDED
    kazakh = len(_KAZAKH.findall(sample))
    if kazakh >= _KAZAKH_SHARE * cyrillic:
        return "kk"
    if kazakh >= _NOT_KAZAKH_SHARE * cyrillic:
        return _UNDECIDED
    if len(_UKRAINIAN.findall(sample)) >= _UKRAINIAN_SHARE * cyrillic:
        return "uk"
    return "ru"


def _english_prose(sample: str) -> str:
    """ "en" for prose whose words are English function words often enough, else undecided."""
    words = _LATIN_WORD.findall(sample.lower())
    if len(words) < _ENGLISH_MIN_WORDS:
        return _UNDECIDED
    common = sum(map(_ENGLISH_WORDS.__contains__, words))
    return "en" if common >= _ENGLISH_SHARE * len(words) else _UNDECIDED
