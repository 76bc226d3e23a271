"""The one settings object of newswire.

Built once at the entry point (``Settings()`` reads ``NEWSWIRE_*`` variables and nothing else)
and passed down. Frozen, so no module can change what another one reads. Faust and aiokafka
get their configuration from here, never from their own environment variables.

Entry points call ``settings_from_environment()``: it also refuses ``NEWSWIRE_*`` variables
that are no setting, and turns every problem into one line of a ConfigurationError that names
the variable and never repeats pydantic's copy of the input (it may hold a secret).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from newswire.core.publication_time import DEFAULT_EARLIEST, TimeBounds
from newswire.core.source_retention import DEFAULT_IDLE_DAYS
from newswire.errors import ConfigurationError

ENV_PREFIX = "NEWSWIRE_"

DEFAULT_TOPIC_RAW_CHUNKS = "newswire.raw-chunks"
DEFAULT_TOPIC_ARTICLES = "newswire.articles"
DEFAULT_TOPIC_DLQ = "newswire.dlq"
DEFAULT_CHUNK_SIZE = 64 * 1024
# Kafka's default max.message.bytes is 1 MiB; an article event (body plus enrichment) must fit.
DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024
# Room a chunk's message needs besides the chunk's bytes: key, headers and the record batch's
# own overhead, so that the whole batch stays within max_message_bytes.
ENVELOPE_ROOM = 4096

_SASL_FIELDS = ("kafka_sasl_mechanism", "kafka_sasl_username", "kafka_sasl_password")
_TLS_FIELDS = (
    "kafka_ssl_cafile",
    "kafka_ssl_certfile",
    "kafka_ssl_keyfile",
    "kafka_ssl_key_password",
)

SecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
SaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]
Compression = Literal["none", "gzip", "lz4", "zstd"]
Port = Annotated[int, Field(ge=1, le=65535)]


def _default_cache_dir() -> Path:
    return Path.home() / ".cache" / "newswire"


def env_name(field: str) -> str:
    """The environment variable a field is read from."""
    return f"{ENV_PREFIX}{field.upper()}"


def _names(fields: Iterable[str]) -> str:
    return ", ".join(env_name(field) for field in fields)


def chunk_size_error(chunk_size: int, max_message_bytes: int, name: str) -> str | None:
    """Why a chunk of ``chunk_size`` bytes cannot travel in one message, or None if it can."""
    largest = max_message_bytes - ENVELOPE_ROOM
    if chunk_size <= largest:
        return None
    return (
        f"{name} {chunk_size} does not fit in one message: at most {largest} "
        f"({env_name('max_message_bytes')} {max_message_bytes} minus {ENVELOPE_ROOM} "
        "for key and headers)"
    )


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
    batch_max_seconds: float = Field(default=0.02, gt=0)
    # Longest the broker may hold a worker's fetch while the partitions in it have nothing
    # new. One fetch at a time goes to a broker, and a partition whose fetched records are
    # not consumed yet waits for the next one: Faust's 1.5 s held backlogs up (stream.engine.flow).
    fetch_max_wait_seconds: float = Field(default=0.05, ge=0.001, le=30)
    # The largest message newswire produces. Topics it creates get this as max.message.bytes;
    # chunks, events and dead letters are bounded to fit (Kafka's default is 1 MiB).
    max_message_bytes: int = Field(default=1024 * 1024, ge=64 * 1024)
    # A worker that stops heartbeating (SIGKILL, a hung host) loses its partitions after this
    # many seconds. Shorter recovers faster; it must stay above the longest event-loop stall,
    # which bounded per-article work keeps far below it.
    session_timeout: float = Field(default=10.0, ge=6.0)
    # How long a send may wait for the broker before the batch is sent again (never acked).
    delivery_timeout: float = Field(default=120.0, ge=1.0)
    # Compression of what workers produce. Fewer bytes over the network and on disk for CPU
    # in the worker and the broker; see the README's benchmarks for what it costs here.
    compression: Compression = "none"

    # Worker web server: liveness, readiness, metrics.
    web_host: str = "127.0.0.1"
    web_port: Annotated[int, Field(ge=0, le=65535)] = 6066  # 0: the system chooses a free port

    # Parsing.
    source_timezone: str = "Asia/Almaty"
    chunk_size: int = Field(default=DEFAULT_CHUNK_SIZE, ge=1, le=8 * 1024 * 1024)
    max_article_bytes: int = Field(default=DEFAULT_MAX_ARTICLE_BYTES, ge=1024)
    # A publication time later than its dump's day, or than the moment its chunk reached
    # Kafka, by more than this, or before the earliest date, is implausible: published with
    # the flag implausible_date and never allowed to move a retention window
    # (newswire.core.publication_time).
    future_tolerance_hours: float = Field(default=24.0, ge=0, le=24 * 366)
    earliest_publication: date = DEFAULT_EARLIEST

    # Deduplication (see newswire.core.dedup for the semantics and the cost per article).
    near_duplicate_threshold: float = Field(default=0.7, gt=0.0, le=1.0)
    dedup_retention_days: int = Field(default=90, ge=1)
    # The reassembly state of a source is forgotten this many days (of its input partition's
    # data time) after its last chunk (newswire.core.source_retention).
    source_idle_days: int = Field(default=DEFAULT_IDLE_DAYS, ge=1)

    # The local broker (`newswire broker ...`), used when kafka_bootstrap_servers is unset.
    cache_dir: Path = Field(default_factory=_default_cache_dir)
    local_broker_port: Port = 9092
    local_controller_port: Port = 9093
    local_broker_heap: str = "512m"
    local_broker_start_timeout: float = Field(default=90.0, gt=0)

    @field_validator("kafka_bootstrap_servers")
    @classmethod
    def _host_port_list(cls, value: str | None) -> str | None:
        if value is None:
            return None
        entries = [entry.strip() for entry in value.split(",")]
        if not any(entries):
            # An empty value used to mean the local broker: a production typo must not.
            raise ValueError("is empty; unset it to use the local broker")
        for entry in entries:
            host, _, port = entry.rpartition(":")
            valid_port = port.isascii() and port.isdigit() and 1 <= int(port) <= 65535
            if not host or not valid_port:
                raise ValueError(f"{entry!r} is not host:port (a list is host:port,host:port)")
        return ",".join(entries)

    @field_validator("kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile")
    @classmethod
    def _existing_file(cls, value: Path | None) -> Path | None:
        if value is not None and not value.is_file():
            raise ValueError(f"no such file: {value}")
        return value

    @field_validator("source_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Settings:
        # Every problem at once, one line each (the formatter below splits the lines).
        problems = [*self._security_problems()]
        problem = chunk_size_error(self.chunk_size, self.max_message_bytes, env_name("chunk_size"))
        if problem:
            problems.append(problem)
        if problems:
            raise ValueError("\n".join(problems))
        return self

    def _security_problems(self) -> list[str]:
        """Security settings that are missing, or given where they cannot apply."""
        protocol = self.kafka_security_protocol
        given = {n for n in (*_SASL_FIELDS, *_TLS_FIELDS) if getattr(self, n) is not None}
        sasl = tuple(n for n in _SASL_FIELDS if n in given)
        tls = tuple(n for n in _TLS_FIELDS if n in given)
        key = tuple(n for n in ("kafka_ssl_keyfile", "kafka_ssl_key_password") if n in given)
        is_protocol = f"{env_name('kafka_security_protocol')} is {protocol}"
        problems = []
        if protocol.startswith("SASL_") and len(sasl) < len(_SASL_FIELDS):
            missing = [n for n in _SASL_FIELDS if n not in sasl]
            problems.append(f"{protocol} needs {_names(missing)}")
        if not protocol.startswith("SASL_") and sasl:
            problems.append(f"{_names(sasl)}: only for SASL_PLAINTEXT and SASL_SSL; {is_protocol}")
        if not protocol.endswith("SSL") and tls:
            problems.append(f"{_names(tls)}: only for SSL and SASL_SSL; {is_protocol}")
        if protocol.endswith("SSL") and key and "kafka_ssl_certfile" not in given:
            # Without a certificate the TLS context never loads a key: a silent no-op.
            problems.append(f"{_names(key)}: needs {env_name('kafka_ssl_certfile')}")
        return problems

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.source_timezone)

    @property
    def time_bounds(self) -> TimeBounds:
        return TimeBounds(timedelta(hours=self.future_tolerance_hours), self.earliest_publication)

    @property
    def worker_data_dir(self) -> Path:
        return self.data_dir or self.cache_dir / "worker-data"

    @property
    def local_broker_dir(self) -> Path:
        return self.cache_dir / "broker"

    @property
    def local_bootstrap_servers(self) -> str:
        return f"127.0.0.1:{self.local_broker_port}"


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """One line per ``NEWSWIRE_*`` variable that is no setting, with the closest setting."""
    fields = list(Settings.model_fields)
    lines = []
    for name in sorted(environ):
        if not name.upper().startswith(ENV_PREFIX):
            continue
        field = name[len(ENV_PREFIX) :].lower()  # settings are read case-insensitively
        if field not in fields:
            # Matched without the shared prefix, which would make every name look close.
            close = difflib.get_close_matches(field, fields, n=1)
            hint = f" (did you mean {env_name(close[0])}?)" if close else ""
            lines.append(f"{name} is not a newswire setting{hint}")
    return lines


def describe_errors(exc: ValidationError) -> list[str]:
    """One line per problem, naming the variable. Without pydantic's input, which may be a
    secret; our validators quote only values that are not (a path, a zone, a host)."""
    lines: list[str] = []
    for error in exc.errors(include_url=False, include_context=False, include_input=False):
        message = str(error["msg"]).removeprefix("Value error, ")
        field = str(error["loc"][0]) if error["loc"] else ""
        for line in message.splitlines():
            described = f"{env_name(field)}: {line}" if field else line
            if described not in lines:
                lines.append(described)
    return lines


def settings_from_environment() -> Settings:
    """The settings of this process from its environment, or a ConfigurationError that says
    what is wrong, one line per problem."""
    problems = unknown_variables(os.environ)
    settings = None
    try:
        settings = Settings()
    except ValidationError as exc:
        problems.extend(describe_errors(exc))
    if problems or settings is None:
        # Raised without the ValidationError as cause: its text carries input values.
        raise ConfigurationError("\n".join(problems))
    return settings
