"""The ``nw-near`` header: what near-duplicate detection needs of an article, computed where
the work spreads over partitions (the identity stage) and read by the one-partition stage."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from newswire import jsonio
from newswire.core.dedup.retention import IMPLAUSIBLE, utc_text
from newswire.core.models import ArticleEvent
from newswire.core.similarity import Signature, band_keys, signature

_LOW_BYTE = 0xFF


def pack_signature(sig: Signature) -> str:
    """8-bit MinHash: the low byte of each bin, base64 (88 characters for 64 bins)."""
    return base64.b64encode(bytes(map(_LOW_BYTE.__and__, sig))).decode("ascii")


@dataclass(frozen=True, slots=True)
class NearKey:
    """What near-duplicate detection needs of an article. The MinHash is the costly part
    (``bench/near_ceiling.py`` times it): it is computed where the work spreads over partitions (the
    identity stage) and travels with the event, so the one-partition stage only looks up."""

    article_id: str
    published_at: str  # ``utc_text``
    revision: int
    sig: str  # ``pack_signature``; empty for a revision (never compared)
    keys: tuple[str, ...]  # band keys; empty for a revision
    implausible: bool = False  # flagged ``implausible_date``: moves no window

    @classmethod
    def of(cls, event: ArticleEvent) -> NearKey:
        published = utc_text(event.published_at)
        implausible = IMPLAUSIBLE in event.flags
        if event.revision > 1:
            return cls(event.article_id, published, event.revision, "", (), implausible)
        sig = signature(event.body)
        keys = tuple(band_keys(sig))
        return cls(event.article_id, published, 1, pack_signature(sig), keys, implausible)

    def to_json(self) -> bytes:
        fields: list[object] = [
            self.article_id, self.published_at, self.revision, self.sig, list(self.keys)
        ]  # fmt: skip
        if self.implausible:  # a sixth field only then: other headers keep their bytes
            fields.append(1)
        return jsonio.dumps(fields)

    @classmethod
    def from_json(cls, data: bytes) -> NearKey:
        article_id, published_at, revision, sig, keys, *rest = jsonio.loads(data)
        return cls(
            str(article_id), str(published_at), int(revision), str(sig), tuple(keys),
            bool(rest and rest[0]),
        )  # fmt: skip
