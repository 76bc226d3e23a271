"""The one settings object of newswire.

Built once at the entry point (``Settings()`` reads ``NEWSWIRE_*`` variables and nothing else)
and passed down. Frozen, so no module can change what another one reads. Faust and aiokafka
get their configuration from here, never from their own environment variables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ENV_PREFIX = "NEWSWIRE_"

DEFAULT_TOPIC_RAW_CHUNKS = "newswire.raw-chunks"
DEFAULT_TOPIC_ARTICLES = "newswire.articles"
DEFAULT_TOPIC_DLQ = "newswire.dlq"
DEFAULT_CHUNK_SIZE = 64 * 1024
# Kafka's default max.message.bytes is 1 MiB; an article event (body plus enrichment) must fit.
DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
Port = Annotated[int, Field(ge=1, le=65535)]


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "newswire"


class Settings(BaseSettings):
    """Every knob of newswire; each field is read from ``NEWSWIRE_<FIELD>`` (upper case)."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        frozen=True,
        extra="forbid",
        case_sensitive=False,
    )

    # Kafka. Unset bootstrap servers means "the broker `newswire broker start` runs".
    kafka_bootstrap_servers: str | None = None
    kafka_security_protocol: SecurityProtocol = "PLAINTEXT"
    kafka_sasl_mechanism: SaslMechanism | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = None
    kafka_ssl_certfile: Path | None = None
    kafka_ssl_keyfile: Path | None = None
    kafka_ssl_key_password: SecretStr | None = None

    topic_raw_chunks: str = DEFAULT_TOPIC_RAW_CHUNKS
    topic_articles: str = DEFAULT_TOPIC_ARTICLES
    topic_dlq: str = DEFAULT_TOPIC_DLQ
    input_partitions: int = Field(default=4, ge=1)
    article_partitions: int = Field(default=4, ge=1)
    replication_factor: int = Field(default=1, ge=1)

    # The Faust application: its id names the consumer group and the changelog topics.
    app_id: str = "newswire"
    store_url: str = "memory://"  # "rocksdb://" with `pip install rocksdict` for big state
    data_dir: Path | None = None  # worker state on disk; default: <cache_dir>/worker-data
    commit_interval: float = Field(default=2.8, gt=0)  # seconds between offset commits
    dlq_original_max_bytes: int = Field(default=64 * 1024, ge=0)
    # Stateful stages take up to this many messages, or what arrived within this many
    # seconds, and wait for the broker's acknowledgements once per batch.
    batch_max_messages: int = Field(default=500, ge=1)
    batch_max_seconds: float = Field(default=0.05, gt=0)
    # The largest message newswire produces. Topics it creates get this as max.message.bytes;
    # chunks, events and dead letters are bounded to fit (Kafka's default is 1 MiB).
    max_message_bytes: int = Field(default=1024 * 1024, ge=64 * 1024)
    # A worker that stops heartbeating (SIGKILL, a hung host) loses its partitions after this
    # many seconds. Shorter recovers faster; it must stay above the longest event-loop stall,
    # which bounded per-article work keeps far below it.
    session_timeout: float = Field(default=10.0, ge=6.0)
    # How long a send may wait for the broker before the batch is sent again (never acked).
    delivery_timeout: float = Field(default=120.0, ge=1.0)

    # Worker web server: liveness, readiness, metrics.
    web_host: str = "127.0.0.1"
    web_port: Annotated[int, Field(ge=0, le=65535)] = 6066  # 0: the system chooses a free port

    # Parsing.
    source_timezone: str = "Asia/Almaty"
    chunk_size: int = Field(default=DEFAULT_CHUNK_SIZE, ge=1, le=8 * 1024 * 1024)
    max_article_bytes: int = Field(default=DEFAULT_MAX_ARTICLE_BYTES, ge=1024)

    # Deduplication (see newswire.core.dedup for the semantics and the cost per article).
    near_duplicate_threshold: float = Field(default=0.7, gt=0.0, le=1.0)
    dedup_retention_days: int = Field(default=90, ge=1)

    # The local broker (`newswire broker ...`), used when kafka_bootstrap_servers is unset.
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    local_broker_port: Port = 9092
    local_controller_port: Port = 9093
    local_broker_heap: str = "512m"
    local_broker_start_timeout: float = Field(default=90.0, gt=0)

    @field_validator("source_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _sasl_complete(self) -> Settings:
        if self.kafka_security_protocol.startswith("SASL_"):
            missing = [
                name
                for name in ("kafka_sasl_mechanism", "kafka_sasl_username", "kafka_sasl_password")
                if getattr(self, name) is None
            ]
            if missing:
                names = ", ".join(ENV_PREFIX + n.upper() for n in missing)
                raise ValueError(f"{self.kafka_security_protocol} needs {names}")
        return self

    @property
    def topic_parsed(self) -> str:
        """Internal: parsed events keyed by article id (dedup by identity)."""
        return f"{self.app_id}.parsed"

    @property
    def topic_near(self) -> str:
        """Internal, one partition: new articles in one total order (near-duplicates)."""
        return f"{self.app_id}.near"

    @property
    def topic_decided(self) -> str:
        """Internal: events to enrich and publish, keyed by article id."""
        return f"{self.app_id}.decided"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.source_timezone)

    @property
    def worker_data_dir(self) -> Path:
        return self.data_dir or self.cache_dir / "worker-data"

    @property
    def local_broker_dir(self) -> Path:
        return self.cache_dir / "broker"

    @property
    def local_bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.local_broker_port}"
