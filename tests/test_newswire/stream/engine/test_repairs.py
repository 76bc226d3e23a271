"""The repairs of Faust, mode and aiokafka are held in place: each upstream piece is the one it
was written against, every override is listed, no private name is touched outside the engine,
and the versions are pinned and installed."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from newswire.stream import engine
from newswire.stream.engine.repairs import REPAIRS, Repair, digest

ROOT = Path(__file__).resolve().parents[4]
SERVICES = ROOT / "services" / "newswire"
_UPSTREAM = ("faust", "mode", "aiokafka")
_NOT_OVERRIDES = {"logger", "_abc_impl"}


@pytest.mark.parametrize("repair", REPAIRS, ids=lambda r: f"{r.ours} <- {r.upstream}")
def test_each_upstream_piece_is_the_one_its_repair_was_written_against(repair: Repair) -> None:
    assert digest(repair.upstream) == repair.digest, (
        f"{repair.upstream} changed upstream: re-read {repair.ours} ({repair.why}), decide "
        "whether the repair still holds, then record the new digest in engine/repairs.py"
    )


def _engine_overrides() -> set[str]:
    """Every method a class of the engine defines over a Faust, mode or aiokafka base's."""
    found = set()
    for info in pkgutil.iter_modules(engine.__path__, f"{engine.__name__}."):
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            upstream = [b for b in cls.__mro__[1:] if b.__module__.split(".")[0] in _UPSTREAM]
            for attribute in vars(cls):
                if attribute in _NOT_OVERRIDES or (
                    attribute.startswith("__") and attribute != "__init__"
                ):
                    continue
                if any(attribute in vars(base) for base in upstream):
                    found.add(f"{module.__name__}:{name}.{attribute}")
    return found


def test_every_override_in_the_engine_is_listed_with_its_reason() -> None:
    listed = {r.ours for r in REPAIRS if r.kind in ("override", "copy")}
    overrides = _engine_overrides()
    assert len(overrides) > 20  # the walk finds the engine's classes
    assert sorted(overrides - listed) == []  # every override is listed...
    assert sorted(listed - overrides) == []  # ...and no listed one is stale (renamed, gone)


def test_no_private_name_of_faust_mode_or_aiokafka_is_touched_outside_the_engine() -> None:
    offenders = []
    for path in SERVICES.rglob("*.py"):
        if "engine" in path.relative_to(SERVICES).parts:
            continue
        text = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _UPSTREAM:
                offenders += [f"{path}: {a.name}" for a in node.names if a.name.startswith("_")]
        offenders += [f"{path}: {line.strip()}" for line in text.splitlines() if "SLF001" in line]
    assert offenders == []


def test_faust_mode_and_aiokafka_are_pinned_exactly_and_installed_as_pinned() -> None:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for line in dependencies:
        match = re.fullmatch(r"(faust-streaming|aiokafka|mode-streaming)==([\w.]+)", line)
        if match:
            pins[match[1]] = match[2]
    assert set(pins) == {"faust-streaming", "aiokafka", "mode-streaming"}
    assert {name: version(name) for name in pins} == pins
