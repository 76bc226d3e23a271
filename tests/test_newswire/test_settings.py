"""Settings come from NEWSWIRE_* only, are frozen, validated, and documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from newswire.cli import main
from newswire.kafka.config import bootstrap_servers, client_kwargs
from newswire.settings import ENV_PREFIX, Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_in_the_readme_table() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [
        f"{ENV_PREFIX}{name.upper()}"
        for name in Settings.model_fields
        if f"`{ENV_PREFIX}{name.upper()}`" not in text
    ]
    assert missing == []


def test_environment_with_prefix_is_read_and_foreign_variables_are_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWIRE_WEB_PORT", "7070")
    monkeypatch.setenv("WEB_PORT", "tcp://10.0.0.1:80")  # what Kubernetes injects
    monkeypatch.setenv("BROKER_URL", "kafka://elsewhere:9092")
    settings = Settings()
    assert settings.web_port == 7070
    assert bootstrap_servers(settings) == "127.0.0.1:9092"


def test_settings_are_frozen() -> None:
    settings = Settings()
    with pytest.raises(ValidationError):
        settings.web_port = 1  # type: ignore[misc]


def test_unknown_zone_and_incomplete_sasl_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValidationError, match="unknown time zone"):
        Settings(source_timezone="Mars/Olympus")
    with pytest.raises(ValidationError, match="NEWSWIRE_KAFKA_SASL_PASSWORD"):
        Settings(
            kafka_security_protocol="SASL_SSL",
            kafka_sasl_mechanism="SCRAM-SHA-512",
            kafka_sasl_username="svc",
        )


def test_sasl_settings_reach_the_client_and_the_secret_stays_hidden() -> None:
    settings = Settings(
        kafka_bootstrap_servers="kafka-1:9093",
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-256",
        kafka_sasl_username="svc",
        kafka_sasl_password="s3cret",  # type: ignore[arg-type]
    )
    kwargs = client_kwargs(settings)
    assert kwargs["bootstrap_servers"] == "kafka-1:9093"
    assert (kwargs["sasl_mechanism"], kwargs["sasl_plain_username"]) == ("SCRAM-SHA-256", "svc")
    assert kwargs["sasl_plain_password"] == "s3cret"
    assert "s3cret" not in repr(settings)


def test_bad_settings_give_a_clear_error_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWIRE_SOURCE_TIMEZONE", "Nowhere/Town")
    assert main(["broker", "status"]) == 1
    assert "invalid NEWSWIRE_* settings" in capsys.readouterr().err
