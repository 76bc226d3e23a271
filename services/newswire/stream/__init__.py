"""The streaming service: Faust agents over the pure core, Kafka topics, metrics and health."""
