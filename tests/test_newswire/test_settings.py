"""Settings come from NEWSWIRE_* only, are frozen, validated, and documented."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from newswire.cli import main
from newswire.errors import ConfigurationError
from newswire.kafka.config import bootstrap_servers, client_kwargs
from newswire.settings import (
    ENV_PREFIX,
    Settings,
    describe_errors,
    settings_from_environment,
    unknown_variables,
)

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
# Recognisable, so that any trace of it in any output is found.
PASSWORD = "pw-7c1e5-SENTINEL"


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
        kafka_sasl_password="s3cret",
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
    assert capsys.readouterr().err == (
        "newswire: error: NEWSWIRE_SOURCE_TIMEZONE: unknown time zone 'Nowhere/Town'\n"
    )


def _errors(**fields: object) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        Settings(**fields)  # type: ignore[arg-type]
    return describe_errors(caught.value)


@pytest.mark.parametrize(
    "value",
    ["", " , ", "127.0.0.1:notaport", "kafka-1", ":9092", "h:0", "h:65536", "a:1,,b:2", "h:٩٠"],
)
def test_bootstrap_servers_must_be_a_host_port_list(value: str) -> None:
    [line] = _errors(kafka_bootstrap_servers=value)
    assert line.startswith("NEWSWIRE_KAFKA_BOOTSTRAP_SERVERS: ")
    assert ("is empty" in line) if not value.strip(" ,") else ("is not host:port" in line)


def test_bootstrap_servers_are_normalised_and_ipv6_is_accepted() -> None:
    assert Settings(kafka_bootstrap_servers=" a:1, b:2 ").kafka_bootstrap_servers == "a:1,b:2"
    assert bootstrap_servers(Settings(kafka_bootstrap_servers="[::1]:9092")) == "[::1]:9092"


def test_an_empty_bootstrap_variable_is_refused_not_the_local_broker(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWIRE_KAFKA_BOOTSTRAP_SERVERS", "")
    assert main(["broker", "status"]) == 1
    assert capsys.readouterr().err == (
        "newswire: error: NEWSWIRE_KAFKA_BOOTSTRAP_SERVERS: is empty; "
        "unset it to use the local broker\n"
    )


def test_a_missing_tls_file_is_named_with_its_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "ca.pem"
    monkeypatch.setenv("NEWSWIRE_KAFKA_SECURITY_PROTOCOL", "SSL")
    monkeypatch.setenv("NEWSWIRE_KAFKA_SSL_CAFILE", str(missing))
    assert main(["broker", "status"]) == 1
    err = capsys.readouterr().err
    assert err == f"newswire: error: NEWSWIRE_KAFKA_SSL_CAFILE: no such file: {missing}\n"


def test_a_tls_file_that_cannot_be_loaded_is_one_line_naming_it(tmp_path: Path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate\n")
    settings = Settings(kafka_security_protocol="SSL", kafka_ssl_cafile=junk)
    with pytest.raises(ConfigurationError, match=re.escape(f"NEWSWIRE_KAFKA_SSL_CAFILE={junk}")):
        client_kwargs(settings)
    junk.unlink()  # gone after the settings were read
    with pytest.raises(ConfigurationError, match="No such file or directory"):
        client_kwargs(settings)


@pytest.mark.parametrize("protocol", ["PLAINTEXT", "SSL"])
def test_sasl_settings_without_sasl_are_refused(protocol: str) -> None:
    [line] = _errors(
        kafka_security_protocol=protocol, kafka_sasl_username="svc", kafka_sasl_password="x"
    )
    assert line == (
        "NEWSWIRE_KAFKA_SASL_USERNAME, NEWSWIRE_KAFKA_SASL_PASSWORD: only for SASL_PLAINTEXT "
        f"and SASL_SSL; NEWSWIRE_KAFKA_SECURITY_PROTOCOL is {protocol}"
    )


def test_tls_settings_without_tls_and_a_key_without_certificate_are_refused(
    tmp_path: Path,
) -> None:
    pem = tmp_path / "any.pem"
    pem.write_text("")
    [line] = _errors(kafka_security_protocol="SASL_PLAINTEXT", kafka_ssl_cafile=pem,
                     kafka_sasl_mechanism="PLAIN", kafka_sasl_username="u",
                     kafka_sasl_password="p")  # fmt: skip
    assert line.startswith("NEWSWIRE_KAFKA_SSL_CAFILE: only for SSL and SASL_SSL")
    [line] = _errors(kafka_security_protocol="SSL", kafka_ssl_keyfile=pem)
    assert line == "NEWSWIRE_KAFKA_SSL_KEYFILE: needs NEWSWIRE_KAFKA_SSL_CERTFILE"
    both = Settings(kafka_security_protocol="SSL", kafka_ssl_certfile=pem, kafka_ssl_keyfile=pem)
    assert (both.kafka_ssl_certfile, both.kafka_ssl_keyfile) == (pem, pem)  # accepted, kept


def test_a_chunk_that_cannot_fit_in_a_message_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWIRE_CHUNK_SIZE", "2000000")  # the probe's value
    assert main(["broker", "status"]) == 1
    assert capsys.readouterr().err == (
        "newswire: error: NEWSWIRE_CHUNK_SIZE 2000000 does not fit in one message: at most "
        "1044480 (NEWSWIRE_MAX_MESSAGE_BYTES 1048576 minus 4096 for key and headers)\n"
    )
    monkeypatch.delenv("NEWSWIRE_CHUNK_SIZE")
    limit = Settings().max_message_bytes - 4096
    assert Settings(chunk_size=limit).chunk_size == limit
    assert _errors(chunk_size=limit + 1)
    assert Settings(chunk_size=2_000_000, max_message_bytes=4_000_000).chunk_size == 2_000_000


def test_unknown_variables_are_refused_with_the_closest_setting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSWIRE_CHUNKSIZE", "1024")
    monkeypatch.setenv("newswire_web_prot", "1")  # read case-insensitively, so checked so
    monkeypatch.setenv("NEWSWIRE_ZZZ", "1")
    monkeypatch.setenv("NEWSWIRE_WEB_PORT", "http")  # reported together with the names
    assert main(["broker", "status"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "newswire: error: NEWSWIRE_CHUNKSIZE is not a newswire setting "
        "(did you mean NEWSWIRE_CHUNK_SIZE?)",
        "NEWSWIRE_ZZZ is not a newswire setting",
        "newswire_web_prot is not a newswire setting (did you mean NEWSWIRE_WEB_PORT?)",
        "NEWSWIRE_WEB_PORT: Input should be a valid integer, unable to parse string as an integer",
    ]


def test_every_newswire_variable_the_tooling_sets_is_a_setting() -> None:
    names: set[str] = set()
    for path in ("Makefile", "Dockerfile", "docker-compose.yml", ".ci/run"):
        names |= set(re.findall(r"\bNEWSWIRE_[A-Z0-9_]+", (ROOT / path).read_text()))
    assert names  # the scan finds what it looks for
    assert unknown_variables(dict.fromkeys(names, "")) == []


def _failure_output(
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> str:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(argv) == 1
    captured = capsys.readouterr()
    return captured.out + captured.err


SASL = {
    "NEWSWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "NEWSWIRE_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
    "NEWSWIRE_KAFKA_SASL_USERNAME": "svc",
    "NEWSWIRE_KAFKA_SASL_PASSWORD": PASSWORD,
}


@pytest.mark.parametrize(
    "env",
    [
        # the probe's case: SASL with only the password
        {"NEWSWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
         "NEWSWIRE_KAFKA_SASL_PASSWORD": PASSWORD},
        {"NEWSWIRE_KAFKA_SASL_PASSWORD": PASSWORD},  # SASL settings under PLAINTEXT
        {**SASL, "NEWSWIRE_WEB_PORT": "http"},  # another setting invalid
        {**SASL, "NEWSWIRE_KAFKA_SASL_MECHANISM": PASSWORD},  # a secret in the wrong variable
        {**SASL, "NEWSWIRE_CHUNK_SIZE": "2000000"},
        {**SASL, "NEWSWIRE_KAFKA_SASL_PASWORD": PASSWORD},  # misspelt, so unknown
        {**SASL, "NEWSWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
         "NEWSWIRE_KAFKA_SSL_CAFILE": "missing-ca.pem",
         "NEWSWIRE_KAFKA_SSL_KEY_PASSWORD": PASSWORD},
    ],
)  # fmt: skip
def test_no_failure_prints_a_secret(
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    output = _failure_output(env, monkeypatch, capsys, ["broker", "status"])
    assert output.startswith("newswire: error: ")
    assert PASSWORD not in output + caplog.text
    with pytest.raises(ConfigurationError) as caught:
        settings_from_environment()
    assert caught.value.__cause__ is None  # a logged traceback shows no pydantic input
    assert caught.value.__context__ is None


def test_no_secret_when_the_tls_files_cannot_be_loaded(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    junk = tmp_path / "client.pem"
    junk.write_text("-----BEGIN ENCRYPTED PRIVATE KEY-----\nnot really\n")
    env = {**SASL, "NEWSWIRE_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
           "NEWSWIRE_KAFKA_SSL_CERTFILE": str(junk), "NEWSWIRE_KAFKA_SSL_KEYFILE": str(junk),
           "NEWSWIRE_KAFKA_SSL_KEY_PASSWORD": PASSWORD}  # fmt: skip
    caplog.set_level(logging.DEBUG)
    # produce builds its clients before it connects anywhere
    output = _failure_output(env, monkeypatch, capsys, ["produce", str(junk)])
    assert output.startswith("newswire: error: cannot load the TLS files (")
    assert len(output.splitlines()) == 1
    assert PASSWORD not in output + caplog.text


def test_settings_never_show_their_secrets() -> None:
    fields = {k.removeprefix(ENV_PREFIX).lower(): v for k, v in SASL.items()}
    settings = Settings(**fields)  # type: ignore[arg-type]  # field names from the variables
    shown = [repr(settings), str(settings), settings.model_dump_json(), f"{settings}"]
    assert all(PASSWORD not in text for text in shown)
    assert client_kwargs(settings)["sasl_plain_password"] == PASSWORD  # yet it reaches Kafka
