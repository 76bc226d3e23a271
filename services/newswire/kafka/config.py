"""aiokafka keyword arguments from the one settings object.

Every producer, consumer and admin client of newswire is built from ``client_kwargs``, so the
security settings (SASL_SSL/SCRAM for production clusters) are wired in one place.
"""

from __future__ import annotations

import ssl
from typing import Any

from aiokafka.helpers import create_ssl_context

from newswire.settings import Settings


def bootstrap_servers(settings: Settings) -> str:
    """The configured cluster, or the local broker that `newswire broker start` runs."""
    return settings.kafka_bootstrap_servers or settings.local_bootstrap_servers


def _ssl_context(settings: Settings) -> ssl.SSLContext:
    password = settings.kafka_ssl_key_password
    context: ssl.SSLContext = create_ssl_context(
        cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None,
        certfile=str(settings.kafka_ssl_certfile) if settings.kafka_ssl_certfile else None,
        keyfile=str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
        password=password.get_secret_value() if password else None,
    )
    return context


def client_kwargs(settings: Settings) -> dict[str, Any]:
    """Connection and security arguments accepted by every aiokafka client."""
    kwargs: dict[str, Any] = {
        "bootstrap_servers": bootstrap_servers(settings),
        "security_protocol": settings.kafka_security_protocol,
    }
    if settings.kafka_security_protocol in ("SSL", "SASL_SSL"):
        kwargs["ssl_context"] = _ssl_context(settings)
    if settings.kafka_security_protocol.startswith("SASL_"):
        password = settings.kafka_sasl_password
        kwargs["sasl_mechanism"] = settings.kafka_sasl_mechanism
        kwargs["sasl_plain_username"] = settings.kafka_sasl_username
        kwargs["sasl_plain_password"] = password.get_secret_value() if password else None
    return kwargs
