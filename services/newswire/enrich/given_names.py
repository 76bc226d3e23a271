"""Given names the English people rules know ("Michael", "Aravinda", "Tiger" is not one), and
the Kazakh ones the Kazakh rules know (Ғалымжан, Димаш): built by
``scripts/build_given_names.py`` from a maintained first-name data package, shipped in
``data/``, each read once when text first needs it."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def given_names() -> frozenset[str]:
    """Every given name, capitalised as written ("Jean-Pierre")."""
    return _names("given_names.txt.gz")


@cache
def kazakh_given_names() -> frozenset[str]:
    """Cyrillic given names common in Kazakhstan, capitalised as written (Сағыныш)."""
    return _names("kazakh_given_names.txt.gz")


def _names(file: str) -> frozenset[str]:
    raw = resources.files("newswire.enrich").joinpath("data", file).read_bytes()
    lines = gzip.decompress(raw).decode().split("\n")
    return frozenset(line for line in lines if line and not line.startswith("#"))
