"""The published JSON Schema of ``ArticleEvent`` (checked in under ``schemas/``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newswire.core.models import ArticleEvent

SCHEMA_FILE = "article-event.schema.json"


def article_event_schema() -> dict[str, Any]:
    schema = ArticleEvent.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"newswire/{SCHEMA_FILE}"
    return schema


def render() -> str:
    """Deterministic text of the schema file."""
    return json.dumps(article_event_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(directory: Path) -> Path:
    path = directory / SCHEMA_FILE
    path.write_text(render(), encoding="utf-8")
    return path
