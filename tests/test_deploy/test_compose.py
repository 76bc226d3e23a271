"""docker-compose.yml: valid against the Compose Specification and consistent with the
settings object (no Docker engine runs here, so this is how the file is checked)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import PurePosixPath
from typing import Any

import jsonschema
import pytest
import yaml

from newswire.kafka.topics import owned_topics
from newswire.settings import ENV_PREFIX, Settings
from tests.test_deploy.support import DEPLOY, ROOT

SCHEMA = ROOT / ".cache" / "compose-spec" / "compose-spec.json"


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_the_file_follows_the_compose_specification(compose: dict[str, Any]) -> None:
    assert SCHEMA.exists(), "run `make install` (scripts/fetch_compose_schema.sh)"
    # The schema names draft 2019-09 by an old URL; say which draft to use explicitly.
    jsonschema.Draft201909Validator(json.loads(SCHEMA.read_text())).validate(compose)


def test_the_stack_has_every_service(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {
        "kafka", "topics", "worker", "producer", "prometheus", "grafana",
    }  # fmt: skip
    assert compose["services"]["kafka"]["image"].startswith("apache/kafka:4.")
    assert compose["services"]["kafka"]["environment"]["KAFKA_PROCESS_ROLES"] == (
        "broker,controller"
    )


def test_newswire_environment_names_real_settings_with_valid_values(
    compose: dict[str, Any],
) -> None:
    for name in ("worker", "producer"):
        env = compose["services"][name]["environment"]
        fields = {key.removeprefix(ENV_PREFIX).lower(): value for key, value in env.items()}
        assert set(fields) <= set(Settings.model_fields), name
        Settings(**fields)  # the values validate, too


def test_worker_scales_its_port_matches_prometheus_and_the_image(compose: dict[str, Any]) -> None:
    worker = compose["services"]["worker"]
    port = int(worker["environment"]["NEWSWIRE_WEB_PORT"])
    assert "ports" not in worker, "a host port would stop `--scale worker=3`"
    assert "container_name" not in worker
    assert worker["expose"] == [str(port)]
    prometheus = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    [job] = prometheus["scrape_configs"]
    [discovery] = job["dns_sd_configs"]
    assert (discovery["names"], discovery["port"]) == (["worker"], port)
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f"NEWSWIRE_WEB_PORT={port}" in dockerfile
    assert "USER newswire" in dockerfile
    assert "/healthz" in dockerfile


def test_topics_service_creates_the_topics_newswire_owns(compose: dict[str, Any]) -> None:
    env = compose["services"]["worker"]["environment"]
    settings = Settings(**{k.removeprefix(ENV_PREFIX).lower(): v for k, v in env.items()})
    command = " ".join(compose["services"]["topics"]["command"])
    created = dict(re.findall(r"([\w.-]+):(\d+)", command.split(";")[0]))
    assert {name: int(n) for name, n in created.items()} == {
        t.name: t.partitions for t in owned_topics(settings) if t.role != "changelog"
    }  # the worker creates the tables' changelogs itself before Faust starts


def test_named_volumes_are_declared_and_used(compose: dict[str, Any]) -> None:
    declared = set(compose["volumes"])
    used = {
        mount.split(":")[0]
        for service in compose["services"].values()
        for mount in service.get("volumes", [])
        if not mount.startswith(".")
    }
    assert used == declared
    assert "kafka-data" in declared
    mounts = compose["services"]["producer"]["volumes"]
    assert "./examples:/dumps:ro" in mounts
    assert (ROOT / "examples" / "sample-dump.txt").exists()


# Where each service's process writes by default, when its image is not told otherwise.
_IMAGE_WRITE_DEFAULTS = {
    "kafka": "/tmp/kraft-combined-logs",  # noqa: S108 - apache/kafka's KAFKA_LOG_DIRS default
    "prometheus": "/prometheus",  # prom/prometheus: --storage.tsdb.path
    "grafana": "/var/lib/grafana",  # grafana/grafana: GF_PATHS_DATA
}


def _writes_to(name: str, service: dict[str, Any]) -> str | None:
    """The directory a service's process keeps its state in, from its settings or image."""
    env = service.get("environment", {})
    command = service.get("command", [])
    flags = dict(arg.split("=", 1) for arg in command if arg.startswith("--") and "=" in arg)
    found: dict[str, str | None] = {
        "kafka": env.get("KAFKA_LOG_DIRS"),
        "prometheus": flags.get("--storage.tsdb.path"),
        "grafana": env.get("GF_PATHS_DATA"),
    }
    return found.get(name) or _IMAGE_WRITE_DEFAULTS.get(name)


def _named_mounts(service: dict[str, Any]) -> dict[str, str]:
    """Named volume -> mount point (bind mounts of ./paths left out)."""
    mounts = (m.split(":") for m in service.get("volumes", []) if not m.startswith("."))
    return {parts[0]: parts[1] for parts in mounts}


def test_every_named_volume_is_where_its_process_writes(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for volume, target in _named_mounts(service).items():
            assert _writes_to(name, service) == target, f"{name}: {volume} at {target}"
    for name in _IMAGE_WRITE_DEFAULTS:  # and every stateful service keeps its state on one
        service = compose["services"][name]
        assert _writes_to(name, service) in _named_mounts(service).values(), name


def test_scaled_workers_share_no_state_on_disk(compose: dict[str, Any]) -> None:
    """`--scale worker=N` gives every replica the same volumes: rocksdb cannot share files."""
    worker = compose["services"]["worker"]
    shared = _named_mounts(worker)
    assert not shared or worker["environment"]["NEWSWIRE_STORE_URL"] == "memory://", shared


def test_host_ports_leave_the_local_brokers_ports_free(compose: dict[str, Any]) -> None:
    local = Settings()
    kafka = compose["services"]["kafka"]
    published = {
        int(mapping.split(":")[-2])
        for service in compose["services"].values()
        for mapping in service.get("ports", [])
    }
    assert not published & {local.local_broker_port, local.local_controller_port}
    # the host listener advertises the port the host really reaches
    advertised = kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"]
    host_ports = {int(p) for p in re.findall(r"localhost:(\d+)", advertised)}
    assert host_ports
    assert host_ports <= published


def _dockerfile_runtime() -> list[str]:
    """Instructions of the Dockerfile's last stage, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    last = max(i for i, line in enumerate(lines) if line.startswith("FROM "))
    return [line for line in lines[last:] if not line.startswith("#")]


def test_directories_the_worker_writes_exist_and_belong_to_its_user(
    compose: dict[str, Any],
) -> None:
    runtime = _dockerfile_runtime()
    [user] = [line.split()[1] for line in runtime if line.startswith("USER ")]
    owned: set[PurePosixPath] = set()
    for line in runtime:
        if not line.startswith("RUN "):
            continue
        for command in re.split(r"&&|;", line.removeprefix("RUN ")):
            words = shlex.split(command)
            if words[:1] == ["useradd"] and "--create-home" in words and words[-1] == user:
                owned.add(PurePosixPath(words[words.index("--home-dir") + 1]))
            if words[:2] == ["install", "-d"] and words[words.index("-o") + 1] == user:
                owned.update(PurePosixPath(w) for w in words[2:] if w.startswith("/"))
    env_lines = " ".join(line for line in runtime if line.startswith("ENV "))
    env = dict(re.findall(r"(NEWSWIRE_\w+)=(\S+)", env_lines))
    data_dirs = {env["NEWSWIRE_DATA_DIR"], compose["services"]["worker"]["environment"].get(
        "NEWSWIRE_DATA_DIR", env["NEWSWIRE_DATA_DIR"])}  # fmt: skip
    for data_dir in data_dirs:
        assert PurePosixPath(data_dir) in owned, f"{data_dir} not created for {user}: {owned}"


def test_healthchecks_ask_endpoints_that_exist(compose: dict[str, Any]) -> None:
    from newswire.stream.service import build_service  # noqa: PLC0415 - faust is heavy

    pages = set(build_service(Settings(kafka_bootstrap_servers="127.0.0.1:1")).app.web.views)
    [check] = [line for line in _dockerfile_runtime() if line.startswith("HEALTHCHECK")]
    paths = set(re.findall(r"'(/\w+)'", check))
    assert paths
    assert paths <= pages, (paths, pages)
    kafka = compose["services"]["kafka"]
    [probe] = [part for part in kafka["healthcheck"]["test"] if "--bootstrap-server" in part]
    port = re.search(r"--bootstrap-server \S+:(\d+)", probe)
    assert port is not None
    listeners = re.findall(r"://[^:,]*:(\d+)", kafka["environment"]["KAFKA_LISTENERS"])
    assert port.group(1) in listeners
