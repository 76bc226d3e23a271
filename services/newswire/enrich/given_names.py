"""Given names the English people rules know ("Michael", "Aravinda", "Tiger" is not one):
built by ``scripts/build_given_names.py`` from a maintained first-name data package, shipped
in ``data/``, read once when English text first needs them."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def given_names() -> frozenset[str]:
    """Every given name, capitalised as written ("Jean-Pierre")."""
    raw = resources.files("newswire.enrich").joinpath("data", "given_names.txt.gz").read_bytes()
    lines = gzip.decompress(raw).decode().split("\n")
    return frozenset(line for line in lines if line and not line.startswith("#"))
