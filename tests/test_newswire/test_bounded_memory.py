"""Every memo a worker keeps is bounded (README, "Bounded state"): a functools cache without a
size limit only on a function of no argument (a loader), and word memos with a limit. New
extractors and stages are held to it here."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from types import ModuleType

import newswire
from newswire.enrich.text import Memo

_OUTSIDE_THE_WORKER = ("newswire_dev", "newswire.cli", "newswire.__main__")


def _modules() -> list[ModuleType]:
    found = []
    for info in pkgutil.walk_packages(newswire.__path__, "newswire."):
        if not info.name.startswith(_OUTSIDE_THE_WORKER):
            found.append(importlib.import_module(info.name))
    return found


def test_every_cache_in_the_workers_code_is_bounded_or_takes_no_argument() -> None:
    unbounded = []
    memos = 0
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, Memo):
                memos += 1
                assert 0 < value.limit <= 1 << 20, f"{module.__name__}.{name}"
            parameters = getattr(value, "cache_parameters", None)
            if parameters is None or getattr(value, "__module__", None) != module.__name__:
                continue
            if parameters()["maxsize"] is None and inspect.signature(value).parameters:
                unbounded.append(f"{module.__name__}.{name}")
    assert unbounded == []
    assert memos > 0  # the walk found the word memos: it looks where they are
