"""Kafka client configuration shared by every component that talks to a broker."""
