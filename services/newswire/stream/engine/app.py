"""The Faust app as newswire configures it: one settings object in, Faust's and aiokafka's
settings out (never their environment variables), and the partitioner its producer uses."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import faust

from newswire.core.partitioning import partition_for
from newswire.kafka.config import client_kwargs
from newswire.settings import Settings
from newswire.stream.engine.flow import NewswireApp
from newswire.topology import CHANGELOG_MESSAGE_FACTOR, Topology

_PRODUCER_LINGER_SECONDS = 0.005


def _broker_urls(settings: Settings) -> list[str]:
    servers = client_kwargs(settings)["bootstrap_servers"]
    return [f"kafka://{server.strip()}" for server in servers.split(",") if server.strip()]


def _credentials(settings: Settings) -> faust.auth.Credentials | None:
    kwargs = client_kwargs(settings)
    if settings.kafka_security_protocol.startswith("SASL_"):
        return faust.SASLCredentials(
            username=kwargs["sasl_plain_username"],
            password=kwargs["sasl_plain_password"],
            ssl_context=kwargs.get("ssl_context"),
            mechanism=kwargs["sasl_mechanism"],
        )
    if settings.kafka_security_protocol == "SSL":
        return faust.SSLCredentials(kwargs["ssl_context"])
    return None


def kafka_partition(key: bytes | None, partitions: Sequence[int], available: Sequence[int]) -> int:
    """Kafka's default partitioner, as aiokafka's (``DefaultPartitioner``), with the core's
    murmur2 (the same values, without aiokafka's byte-by-byte loop) and no hashing at all for
    a topic of one partition (the near stage's)."""
    if key is None:
        return random.choice(available or partitions)  # noqa: S311 - spreading, not secrecy
    if len(partitions) == 1:
        return partitions[0]
    return partitions[partition_for(key, len(partitions))]


def build_app(settings: Settings) -> faust.App:
    # The largest record newswire produces fits max_message_bytes; changelog values may be
    # larger (see CHANGELOG_MESSAGE_FACTOR), so the request limit leaves room for them.
    max_request = settings.max_message_bytes * CHANGELOG_MESSAGE_FACTOR + 1024 * 1024
    settings.worker_data_dir.mkdir(parents=True, exist_ok=True)  # Faust makes one level only
    app = NewswireApp(
        settings.app_id,
        env={},  # Faust's own environment variables (BROKER_URL, WEB_PORT...) never apply
        autodiscover=False,
        broker=_broker_urls(settings),
        broker_credentials=_credentials(settings),
        broker_session_timeout=settings.session_timeout,
        broker_heartbeat_interval=settings.session_timeout / 4,
        store=settings.store_url,
        # Per app id: two apps sharing a data dir must never open each other's RocksDB state.
        datadir=str(settings.worker_data_dir / settings.app_id),
        topic_replication_factor=settings.replication_factor,
        topic_partitions=settings.article_partitions,
        broker_commit_interval=settings.commit_interval,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # Records sent within 5 ms share a request: far fewer produce requests for the worker
        # and the broker to handle, for at most 5 ms more latency a hop.
        producer_linger=_PRODUCER_LINGER_SECONDS,
        producer_compression_type=None if settings.compression == "none" else settings.compression,
        producer_request_timeout=settings.delivery_timeout,
        producer_max_request_size=max_request,
        # aiokafka makes a send wait while its partition's batch is full and not yet drained:
        # large batches keep it sending; half the message limit keeps a batch under it.
        producer_max_batch_size=settings.max_message_bytes // 2,
        producer_partitioner=kafka_partition,
        web_enabled=True,
        web_host=settings.web_host,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_tables_enabled=False,  # /table/{name}/{key} would serve dedup state to anyone
        web_router_enabled=False,
    )
    app.producer_buffer_messages = state_writes_at_once(settings)
    app.fetch_max_wait_ms = round(settings.fetch_max_wait_seconds * 1000)
    return app


def state_writes_at_once(settings: Settings) -> int:
    """The table writes a worker's stages put in Faust's producer buffer together: each applies
    a batch's at once, one a message plus a watermark a partition. A batch whose data time
    crosses a retention day also deletes that day's records: past this, the streams wait for
    the buffer to drain (Faust's back-pressure, logged as "producer buffer full")."""
    per_batch = settings.batch_max_messages + max(
        settings.article_partitions, settings.input_partitions
    )
    return per_batch * len(Topology.from_settings(settings).stages)


def recovered(app: faust.App) -> bool:
    """Table recovery finished (the attribute is on the concrete TableManager only)."""
    recovery: Any = getattr(app.tables, "recovery", None)
    return recovery is not None and bool(recovery.completed.is_set())
