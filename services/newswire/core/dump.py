"""An article event back in the dump format: what `newswire dlq redrive` publishes again.

The text is the article as the parser read it (``core.parse``): the header line (with the
dump's ``date`` marker when the article had one), the title, then each paragraph on its own
line. Parsed again it gives the same title, body, time, views and dump date, so the same
article id and body fingerprint: sent twice, the second is an exact repeat.
"""

from __future__ import annotations

from newswire.core.models import ArticleEvent


def render_article(event: ArticleEvent) -> str:
    """The dump text of ``event`` (its revision and enrichment are not part of it)."""
    local = event.published_at  # in the source's zone, as the parser made it
    header = (
        f"{local.day:02}.{local.month:02}.{local.year:04}, {local.hour:02}:{local.minute:02} "
        f"{event.views or 0}"
    )
    if event.dump_date is not None:
        header = f"date {event.dump_date.isoformat()} {header}"
    return "\n".join([header, event.title, *event.body.split("\n")]) + "\n"
