"""Scoring dedup decisions against a generated corpus's ground truth."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

KINDS = ("exact", "revision", "near")


def score(
    predicted: Sequence[tuple[str, str | None]], truth: Sequence[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """Precision and recall per duplicate kind, occurrence by occurrence.

    ``predicted`` holds (kind, near_duplicate_of) for each article in input order; ``truth``
    the generator's occurrences in the same order. A ``near`` prediction counts as right only
    when it also names the right original.
    """
    if len(predicted) != len(truth):
        raise ValueError(f"{len(predicted)} decisions for {len(truth)} true occurrences")
    result: dict[str, dict[str, float]] = {}
    for kind in KINDS:
        tp = fp = fn = 0
        for (got, near_of), expected in zip(predicted, truth, strict=True):
            right = expected["kind"] == kind and (
                kind != "near" or near_of == expected["near_duplicate_of"]
            )
            if got == kind:
                tp, fp = (tp + 1, fp) if right else (tp, fp + 1)
            elif expected["kind"] == kind:
                fn += 1
        result[kind] = {
            "true_positives": tp,
            "false_positives": fp,
            "false_negatives": fn,
            "precision": tp / (tp + fp) if tp + fp else 1.0,
            "recall": tp / (tp + fn) if tp + fn else 1.0,
        }
    return result
