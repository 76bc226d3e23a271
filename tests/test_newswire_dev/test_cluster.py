"""What a worker process of a run is started with (no broker needed)."""

from __future__ import annotations

import os

import pytest

from newswire.settings import ENV_PREFIX, Settings, env_name
from newswire_dev.cluster import settings_env


def test_a_child_rebuilds_the_same_settings_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(app_id="child", batch_max_seconds=0.5, compression="lz4")
    env = settings_env(settings)
    for name in [n for n in os.environ if n.startswith(ENV_PREFIX)]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert Settings() == settings


def test_values_at_their_fixed_default_are_left_to_the_child() -> None:
    """So a worker of an older commit, which refuses settings it does not know, still starts
    when the settings it lacks are at their defaults (bench.profile --before)."""
    env = settings_env(Settings(app_id="child"))
    assert env[env_name("app_id")] == "child"
    assert env_name("compression") not in env
    assert env_name("batch_max_messages") not in env
    assert env_name("cache_dir") in env  # a computed default: always passed on
