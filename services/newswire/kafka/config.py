"""aiokafka keyword arguments from the one settings object.

Every producer, consumer and admin client of newswire is built from ``client_kwargs``, so the
security settings (SASL_SSL/SCRAM for production clusters) are wired in one place.
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.helpers import create_ssl_context

from newswire.errors import ConfigurationError
from newswire.settings import Settings, env_name

_TLS_FILES = ("kafka_ssl_cafile", "kafka_ssl_certfile", "kafka_ssl_keyfile")


def bootstrap_servers(settings: Settings) -> str:
    """The configured cluster, or the local broker that `newswire broker start` runs."""
    if settings.kafka_bootstrap_servers is not None:  # settings refuse an empty value
        return settings.kafka_bootstrap_servers
    return settings.local_bootstrap_servers


def _ssl_context(settings: Settings) -> ssl.SSLContext:
    password = settings.kafka_ssl_key_password
    try:
        context: ssl.SSLContext = create_ssl_context(
            cafile=str(settings.kafka_ssl_cafile) if settings.kafka_ssl_cafile else None,
            certfile=str(settings.kafka_ssl_certfile) if settings.kafka_ssl_certfile else None,
            keyfile=str(settings.kafka_ssl_keyfile) if settings.kafka_ssl_keyfile else None,
            password=password.get_secret_value() if password else None,
        )
    except (OSError, ssl.SSLError) as exc:
        # The files were there when the settings were read; they may be gone or not PEM.
        # ssl's messages name neither the file nor the setting, and never the key password.
        files = [
            f"{env_name(name)}={value}"
            for name in _TLS_FILES
            if (value := getattr(settings, name)) is not None
        ]
        reason = exc.strerror or getattr(exc, "reason", None) or exc
        raise ConfigurationError(
            f"cannot load the TLS files ({', '.join(files) or 'system CAs'}): {reason}"
        ) from None
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


@asynccontextmanager
async def admin_client(settings: Settings) -> AsyncIterator[AIOKafkaAdminClient]:
    """An admin client of the configured cluster, closed however the block ends (a start that
    is cancelled or fails included). aiokafka's consumer and producer are context managers
    themselves; its admin client is not."""
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    try:
        await admin.start()
        yield admin
    finally:
        await admin.close()
