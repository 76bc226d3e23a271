"""Articles never used to tune the extractors (heldout.BLIND): a floor under the honest figure.

The exact precision and recall are reported by bench/enrich_quality.py; these floors only catch
a regression that would make enrichment markedly worse on unseen text.
"""

from __future__ import annotations

from bench.enrich_quality import quality
from newswire_dev.heldout import EN_BLIND as BLIND


def test_unseen_articles_keep_their_people_and_countries() -> None:
    result = quality(BLIND)
    assert result["persons"]["recall"] >= 0.7
    assert result["persons"]["precision"] >= 0.6
    assert result["countries"]["recall"] >= 0.9
    assert result["countries"]["precision"] >= 0.9
