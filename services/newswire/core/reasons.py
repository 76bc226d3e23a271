"""Every reason newswire gives for input it does not turn into an article: one closed set each.

``RejectReason``: input that goes to the dead-letter topic (``Rejection.reason``, the reason of
an ``InputError`` a stream stage meets, and the stream's own verdicts), and the values of
``newswire_rejected_total{reason}``, every one exported at zero from the start:

- a chunk message: ``bad_envelope`` (no key, missing or invalid headers), ``empty_chunk``
  (an empty or null value);
- reassembly (``core.reassembly``): ``chunk_gap`` (a missing chunk cut an article),
  ``unfinished_run`` (a run replaced before its last chunk), ``superseded_run`` (a chunk of a
  replaced run it never delivered), ``wrong_source`` (a chunk fed to another source's state:
  a bug or corrupt state);
- parsing (``core.parse``): ``missing_title``, ``orphan_text``, ``no_articles`` (a run that
  ended without one article or rejection: binary, or not a dump);
- the stages (``newswire.stages``): ``too_large`` (an event over NEWSWIRE_MAX_MESSAGE_BYTES),
  ``beyond_retention`` (older than its partition's dedup window), ``bad_internal_message``
  (one of our own messages that does not decode) and ``internal_error`` (a handler raised:
  a bug).

``SkipReason``: input dropped on purpose and only counted (``Skip.reason``,
``newswire_skipped_total{reason}``): ``duplicate_chunk``, ``binary_line``.

``CliReason``: errors of the command line only, never a dead letter (``InputError.reason``
raised by ``newswire.cli`` and the helpers it calls): ``unreadable``, ``unwritable``,
``no_such_topic``, ``bad_argument`` (e.g. a chunk size below 1), ``bad_json`` (output read
back that is not JSON; the stream's own decoding turns it into ``bad_internal_message``).

``InputReason`` is what an ``InputError`` may carry: either set.
"""

from __future__ import annotations

from typing import Literal, TypeAlias, TypeGuard, get_args

RejectReason: TypeAlias = Literal[
    "bad_envelope",
    "empty_chunk",
    "chunk_gap",
    "unfinished_run",
    "superseded_run",
    "wrong_source",
    "missing_title",
    "orphan_text",
    "no_articles",
    "too_large",
    "beyond_retention",
    "bad_internal_message",
    "internal_error",
]
SkipReason: TypeAlias = Literal["duplicate_chunk", "binary_line"]
CliReason: TypeAlias = Literal[
    "unreadable", "unwritable", "no_such_topic", "bad_argument", "bad_json"
]
InputReason: TypeAlias = RejectReason | CliReason

REJECT_REASONS: tuple[RejectReason, ...] = get_args(RejectReason)
SKIP_REASONS: tuple[SkipReason, ...] = get_args(SkipReason)
CLI_REASONS: tuple[CliReason, ...] = get_args(CliReason)


def is_reject_reason(reason: str) -> TypeGuard[RejectReason]:
    """Whether ``reason`` may reach the dead-letter topic."""
    return reason in REJECT_REASONS
