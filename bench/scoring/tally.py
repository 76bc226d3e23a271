"""Counts that add up over documents, and the figures made of them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal

from bench.corpora import Document, Field


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass
class Tally:
    """Article level: gold items, predicted items, and how they matched.

    ``found`` gold items a prediction matched; ``right`` predicted items that matched gold;
    ``wrong`` predicted items that matched neither gold nor a neutral annotation; ``excused``
    those that matched only a neutral one (left out of precision)."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    excused: int = 0

    def __iadd__(self, other: Tally) -> Tally:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def figures(self) -> dict[str, float | int | None]:
        return {
            "precision": ratio(self.right, self.right + self.wrong),
            "recall": ratio(self.found, self.gold),
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "right": self.right,
            "wrong": self.wrong,
            "excused": self.excused,
        }


@dataclass
class MentionTally:
    """Mention level, one kind and field: spans exactly right and overlapping."""

    gold: int = 0
    predicted: int = 0
    exact_found: int = 0
    exact_right: int = 0
    overlap_found: int = 0
    overlap_right: int = 0
    excused: int = 0  # predicted spans overlapping only a neutral annotation

    def __iadd__(self, other: MentionTally) -> MentionTally:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def figures(self) -> dict[str, float | int | None]:
        scored = self.predicted - self.excused
        return {
            "exact_precision": ratio(self.exact_right, scored),
            "exact_recall": ratio(self.exact_found, self.gold),
            "overlap_precision": ratio(self.overlap_right, scored),
            "overlap_recall": ratio(self.overlap_found, self.gold),
            "gold": self.gold,
            "predicted": self.predicted,
            "excused": self.excused,
        }


Side = Literal["fn", "fp"]
_CONTEXT = 70


@dataclass(frozen=True, slots=True)
class Error:
    """One false negative or false positive, for the error report (never in the JSON)."""

    kind: str  # persons, places, organizations, countries, money, roles
    side: Side
    cls: str  # the error's class: what the report groups by
    key: str  # the normalised key it was compared by
    surface: str  # the text in the document (or the predicted name)
    document: str
    note: str  # where the document comes from; for roles, what was predicted
    field: Field | None
    start: int
    end: int
    context: str


def context(document: Document, field: Field | None, start: int, end: int) -> str:
    """The text around a span, the span in [[ ]], line breaks shown as ⏎."""
    if field is None:
        return ""
    text = document.text(field)
    left = max(0, start - _CONTEXT)
    right = min(len(text), end + _CONTEXT)
    snippet = (
        ("…" if left else "")
        + text[left:start]
        + "[["
        + text[start:end]
        + "]]"
        + text[end:right]
        + ("…" if right < len(text) else "")
    )
    return snippet.replace("\n", " ⏎ ")
