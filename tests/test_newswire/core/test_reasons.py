"""One closed set of reasons: the typed constructors refuse any other, and every reason
written in the code (a ``reason=`` argument, a dead letter's reason, an error class's
``reason``) is in it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from pydantic import ValidationError

from newswire.core.models import Rejection, Skip
from newswire.core.reasons import CLI_REASONS, REJECT_REASONS, SKIP_REASONS
from newswire.errors import EnvelopeError, InputError

SERVICES = Path(__file__).resolve().parents[3] / "services"
# The product and the development package: newswire_dev's commands (`newswire generate`,
# `run`, `broker`) are newswire's commands in a development install and raise its errors.
PACKAGES = (SERVICES / "newswire", SERVICES / "newswire_dev")


def test_the_sets_are_disjoint() -> None:
    every = [*REJECT_REASONS, *SKIP_REASONS, *CLI_REASONS]
    assert len(every) == len(set(every))


def test_rejection_and_skip_take_only_their_reasons() -> None:
    for reason in REJECT_REASONS:
        assert Rejection(reason=reason, source_id="s", offset=0, message="m").reason == reason
    for skip in SKIP_REASONS:
        assert Skip(reason=skip, source_id="s", offset=0).reason == skip
    with pytest.raises(ValidationError):
        Rejection(reason="binary_line", source_id="s", offset=0, message="m")
    with pytest.raises(ValidationError):
        Skip(reason="chunk_gap", source_id="s", offset=0)


def test_an_input_error_has_a_reason_of_the_set() -> None:
    assert EnvelopeError("no key").reason == "bad_envelope"
    assert InputError("gone", reason="unreadable").reason == "unreadable"
    with pytest.raises(TypeError, match="needs a reason"):
        InputError("which?")


def _written_reasons(tree: ast.AST) -> set[str]:
    """String literals the code gives as a reason: ``reason="..."`` arguments and defaults, the
    reason argument of the stages' ``rejected(message, "...", ...)`` and the parser's
    ``_rejection("...", ...)``, class-level ``reason = "..."``."""
    found: set[str] = set()
    for node in ast.walk(tree):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            values += [k.value for k in node.keywords if k.arg == "reason"]
            name = node.func.attr if isinstance(node.func, ast.Attribute) else None
            if name == "rejected" and len(node.args) > 1:
                values.append(node.args[1])
            if name == "_rejection" and node.args:
                values.append(node.args[0])
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign | ast.AnnAssign) and stmt.value is not None:
                    targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                    if any(isinstance(t, ast.Name) and t.id == "reason" for t in targets):
                        values.append(stmt.value)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            defaults = list(zip(args.kwonlyargs, args.kw_defaults, strict=True))
            defaults += list(
                zip(args.args[len(args.args) - len(args.defaults) :], args.defaults, strict=True)
            )
            values += [d for a, d in defaults if d is not None and a.arg == "reason"]
        found |= {
            v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        }
    return found


_RUNTIME = {"stages", "stream", "core"}  # what a worker runs: its reasons reach the DLQ


def test_every_reason_written_in_the_code_is_in_the_closed_sets() -> None:
    by_file = {
        path: _written_reasons(ast.parse(path.read_text(encoding="utf-8")))
        for package in PACKAGES
        for path in package.rglob("*.py")
    }
    written = set().union(*by_file.values())
    # The search finds what it must (the stream's own verdicts and the CLI's), or it is blind.
    assert {"empty_chunk", "too_large", "internal_error", "bad_internal_message"} <= written
    assert {"unreadable", "no_such_topic", "wrong_source", "binary_line"} <= written
    # Every reason written is in the sets, and every reason in the sets is written: none stale.
    assert written == {*REJECT_REASONS, *SKIP_REASONS, *CLI_REASONS}
    # What the stream and the core write reaches the dead-letter topic or the skip counter:
    # never a CLI-only reason.
    product = SERVICES / "newswire"
    runtime = {
        r
        for p, rs in by_file.items()
        if p.is_relative_to(product) and p.relative_to(product).parts[0] in _RUNTIME
        for r in rs
    }
    assert not runtime & (set(CLI_REASONS) - {"bad_argument"})  # bad_argument: iter_chunks
