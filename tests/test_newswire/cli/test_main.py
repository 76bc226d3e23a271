"""The command line's boundary: help for every option, exit codes, one-line errors for an
unreachable Kafka or a taken web port, and quiet stops when the reader of stdout goes away."""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.errors import KafkaConnectionError, UnknownTopicOrPartitionError

from newswire.cli import build_parser, kafka_unreachable, main
from newswire.errors import KafkaUnreachable
from newswire.settings import ENV_PREFIX, Settings
from newswire_dev.broker.local import free_port
from tests.support import SAMPLE, requires_sample, sample_bytes


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    # argparse lists neither actions nor sub-parsers anywhere public
    for action in parser._actions:  # noqa: SLF001 - see above
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - see above
            for sub in action.choices.values():
                yield sub
                yield from _subcommands(sub)


_COMMANDS = sorted(sub.prog.removeprefix("newswire ") for sub in _subcommands(build_parser()))


@pytest.mark.parametrize("command", _COMMANDS)
def test_every_option_and_argument_has_help_text(command: str) -> None:
    [sub] = [s for s in _subcommands(build_parser()) if s.prog == f"newswire {command}"]
    missing = [
        action.dest
        for action in sub._actions  # noqa: SLF001 - argparse lists its actions nowhere public
        if not isinstance(action, argparse._SubParsersAction)  # noqa: SLF001 - as above
        and not action.help
    ]
    assert missing == []


def _newswire(*argv: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    return subprocess.run(
        [sys.executable, "-m", "newswire", *argv],
        env=clean | env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("argv", [["--articles", "-5"], ["--articles", "9", "--repeat-rate",
                                  "0.9", "--revision-rate", "0.9"]])  # fmt: skip
def test_bad_generate_arguments_are_usage_errors(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:  # argparse exits itself; a UsageError comes back from main
        code: object = main(["generate", *argv, "--out", str(tmp_path / "x.txt")])
    except SystemExit as exited:
        code = exited.code
    assert code == 2
    assert not (tmp_path / "x.txt").exists()


@pytest.mark.parametrize(
    "argv",
    [["stats", "--since", "yesterday"], ["show", "--until", "soon"], ["show", "--limit", "-1"]],
)
def test_bad_dlq_arguments_are_usage_errors_before_any_broker_is_asked(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["dlq", *argv])
    assert exited.value.code == 2
    assert argv[-1] in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "advice"),
    [pytest.param(["produce", str(SAMPLE)], "newswire broker start", marks=requires_sample),
     (["tail"], "newswire broker start"),
     (["worker"], "newswire broker start"),
     (["tail", "--json"], f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS")],
)  # fmt: skip
def test_an_unreachable_kafka_is_one_line_and_exit_69(
    command: list[str], advice: str, tmp_path: Path
) -> None:
    port = free_port()  # nothing listens there
    env = {f"{ENV_PREFIX}CACHE_DIR": str(tmp_path), f"{ENV_PREFIX}WEB_PORT": "0"}
    if advice.startswith(ENV_PREFIX):  # a configured cluster: no mention of the local broker
        env[f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS"] = f"127.0.0.1:{port}"
    else:
        env[f"{ENV_PREFIX}LOCAL_BROKER_PORT"] = str(port)
    result = _newswire(*command, env=env, cwd=tmp_path)
    assert result.returncode == 69, result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()], result.stderr
    assert f"cannot reach Kafka at 127.0.0.1:{port}" in result.stderr
    assert advice in result.stderr


def test_kafka_errors_are_translated_once_at_the_boundary() -> None:
    configured = Settings(kafka_bootstrap_servers="kafka.example:9092")
    refused = kafka_unreachable(UnknownTopicOrPartitionError(), configured)
    assert isinstance(refused, KafkaUnreachable)
    assert refused.exit_code == 69
    assert "kafka.example:9092 refused a request" in str(refused)
    local = kafka_unreachable(KafkaConnectionError("boom"), Settings())
    assert "newswire broker start" in str(local)


def test_a_taken_web_port_is_one_line_and_exit_71(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        env = {f"{ENV_PREFIX}WEB_PORT": str(port), f"{ENV_PREFIX}CACHE_DIR": str(tmp_path),
               f"{ENV_PREFIX}KAFKA_BOOTSTRAP_SERVERS": f"127.0.0.1:{free_port()}"}  # fmt: skip
        result = _newswire("worker", env=env, cwd=tmp_path)
    assert result.returncode == 71, result.stderr
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert f"web port 127.0.0.1:{port} is in use" in result.stderr
    assert f"{ENV_PREFIX}WEB_PORT=0" in result.stderr


@requires_sample
def test_parse_into_head_stops_quietly_with_exit_0(tmp_path: Path) -> None:
    """`newswire parse FILE | head -n 1`: the reader leaves after one line."""
    big = tmp_path / "big.txt"
    big.write_bytes(sample_bytes() * 40)  # far more output than a pipe buffers
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ENV_PREFIX)}
    with subprocess.Popen(
        [sys.executable, "-m", "newswire", "parse", str(big)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=clean, cwd=tmp_path,
    ) as parse:  # fmt: skip
        assert parse.stdout is not None
        assert parse.stderr is not None
        first = parse.stdout.readline()
        parse.stdout.close()  # what `head -n 1` does after its line
        err = parse.stderr.read().decode()
        assert parse.wait(timeout=120) == 0, err
    assert first.startswith(b"{")
    assert "Traceback" not in err
    assert "BrokenPipe" not in err
