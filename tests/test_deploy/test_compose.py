"""docker-compose.yml: valid against the Compose Specification and consistent with the
settings object (no Docker engine runs here, so this is how the file is checked)."""

from __future__ import annotations

import json
import re
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
        t.name: t.partitions for t in owned_topics(settings)
    }


def test_named_volumes_are_declared_and_used(compose: dict[str, Any]) -> None:
    declared = set(compose["volumes"])
    used = {
        mount.split(":")[0]
        for service in compose["services"].values()
        for mount in service.get("volumes", [])
        if not mount.startswith(".")
    }
    assert used == declared
    assert {"kafka-data", "worker-state"} <= declared
    mounts = compose["services"]["producer"]["volumes"]
    assert "./examples:/dumps:ro" in mounts
    assert (ROOT / "examples" / "sample-dump.txt").exists()
