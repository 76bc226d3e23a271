"""The published JSON Schemas (checked in under ``schemas/``): the article event downstream
teams subscribe to, and the dead-letter record operators read. Each has an absolute ``$id``
that names its version; every field an event always carries is ``required``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from newswire.core.models import SCHEMA_VERSION, ArticleEvent, DeadLetter

SCHEMA_FILE = "article-event.schema.json"
DEAD_LETTER_SCHEMA_FILE = "dead-letter.schema.json"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    schema = model.model_json_schema(mode="serialization")
    schema["$schema"] = _DRAFT
    schema["$id"] = f"urn:newswire:schema:{name}:{SCHEMA_VERSION}"
    return schema


def article_event_schema() -> dict[str, Any]:
    return _schema(ArticleEvent, "article-event")


def dead_letter_schema() -> dict[str, Any]:
    return _schema(DeadLetter, "dead-letter")


def _text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render() -> str:
    """Deterministic text of the article event's schema file."""
    return _text(article_event_schema())


def render_dead_letter() -> str:
    return _text(dead_letter_schema())


def write(directory: Path) -> list[Path]:
    written = []
    for name, text in ((SCHEMA_FILE, render()), (DEAD_LETTER_SCHEMA_FILE, render_dead_letter())):
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
