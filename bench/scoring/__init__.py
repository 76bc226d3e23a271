"""Scoring enrichment against annotated corpora (``bench.enrich_real``).

- ``keys``: what gold and predicted text are compared by (lemmas, surnames, word sets);
- ``countries``: gold country names to ISO codes, independently of the extractors;
- ``money``: gold amounts to values;
- ``gold``: which annotation of a document is scored, which only excuses, and its keys;
- ``locate``: where a prediction stands in the text (mentions, when events carry them);
- ``clues``, ``article``: one document's article- and mention-level tallies and its errors
  with their classes;
- ``tally``: counts and figures; ``report``: the error files.
"""
