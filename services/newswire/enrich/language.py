"""Language of an article (ISO 639-1) with lingua's bundled n-gram models.

Low-accuracy mode (trigram models) is accurate on article-length text, keeps a worker's memory
near 40 MB instead of hundreds, and still tells Kazakh from Russian by their letters' n-grams.
"""

from __future__ import annotations

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
    return (
        LanguageDetectorBuilder.from_languages(*LANGUAGES)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


def detect_language(title: str, body: str) -> str | None:
    return language_of_sample(f"{title[:_TITLE_CHARS]}\n{body[:_SAMPLE_CHARS]}")


@lru_cache(maxsize=_REMEMBERED_SAMPLES)
def language_of_sample(sample: str) -> str | None:
    """lingua's answer for ``sample``, remembered: the same sample always gets the same one."""
    if not any(ch.isalpha() for ch in sample):
        return None
    language = _detector().detect_language_of(sample)
    return None if language is None else str(language.iso_code_639_1.name).lower()
