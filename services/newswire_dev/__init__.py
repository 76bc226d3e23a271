"""Development and test tooling, never used by a production worker: the local Kafka broker
(`newswire broker`), worker processes driven from outside (`newswire run`, the integration
tests, the benchmarks), the synthetic dump generator and its ground truth, and held-out
annotated articles for the enrichment figures."""
