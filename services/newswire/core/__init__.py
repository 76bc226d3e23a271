"""The pure core of newswire: chunking, parsing, identity, dedup and enrichment.

Nothing under this package imports Faust or talks to Kafka; every function works on typed
models and plain values, so the CLI (`newswire parse`) and the Faust agents share one code path.
"""
