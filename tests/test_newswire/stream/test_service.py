"""The wired service: state on disk per app id, readiness and health."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newswire.settings import Settings
from newswire.stream.service import NewswireStream


@pytest.fixture
def stream(tmp_path: Path) -> NewswireStream:
    return NewswireStream(Settings(data_dir=tmp_path, max_message_bytes=256 * 1024))


def test_state_on_disk_is_kept_per_app_id(tmp_path: Path) -> None:
    """Two apps sharing NEWSWIRE_DATA_DIR never open each other's RocksDB state."""
    first = NewswireStream(Settings(data_dir=tmp_path, app_id="first"))
    second = NewswireStream(Settings(data_dir=tmp_path, app_id="second"))
    dirs = {Path(str(s.app.conf.datadir)) for s in (first, second)}
    assert len(dirs) == 2
    assert all(d.parent == tmp_path for d in dirs)


def test_a_worker_failing_to_deliver_is_not_ready_and_then_not_healthy(
    stream: NewswireStream, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stream, "assigned", True)
    monkeypatch.setattr("newswire.stream.service.recovered", lambda app: True)
    assert stream.ready()
    assert stream.healthy()
    stream.delivery.failing_since = time.monotonic()
    assert not stream.ready()  # stop sending it traffic while the broker refuses
    assert stream.healthy()  # but do not restart it for a short outage
    stream.delivery.failing_since = time.monotonic() - stream.settings.delivery_timeout - 1
    assert not stream.healthy()  # stuck longer than the delivery timeout: restart it
