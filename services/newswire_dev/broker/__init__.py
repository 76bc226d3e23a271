"""A real single-node Apache Kafka 4.x broker in KRaft mode, run from Maven Central artifacts."""

from newswire_dev.broker.local import BrokerStatus, LocalBroker

__all__ = ["BrokerStatus", "LocalBroker"]
