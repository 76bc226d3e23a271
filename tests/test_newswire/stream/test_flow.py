"""The app's changes to Faust (stream.flow): resuming flow that is already active keeps what the
stream buffers hold, resuming after a suspension (a rebalance) still empties them; the producer
buffer holds a batch's state writes."""

from __future__ import annotations

from pathlib import Path

from faust.transport.producer import ProducerBuffer
from mode.utils.queues import FlowControlEvent, FlowControlQueue

from newswire.settings import Settings
from newswire.stream.app import build_app, state_writes_at_once
from newswire.stream.flow import ResumeOnceFlowControl


def _buffer(flow: FlowControlEvent, *messages: str) -> FlowControlQueue[str]:
    """A stream buffer as Faust makes them: emptied when its flow control resumes."""
    queue: FlowControlQueue[str] = FlowControlQueue(flow_control=flow, clear_on_resume=True)
    for message in messages:
        queue.put_nowait(message)
    return queue


def test_faust_s_own_flow_control_drops_buffered_messages_on_a_second_resume() -> None:
    # The behaviour repaired here (faust-streaming#596). Should this fail, mode no longer
    # empties the buffers on every resume and ResumeOnceFlowControl may be retired.
    flow = FlowControlEvent()
    flow.resume()
    buffer = _buffer(flow, "fetched during the seek")
    flow.resume()
    assert buffer.qsize() == 0


def test_a_resume_while_flowing_keeps_buffered_messages() -> None:
    flow = ResumeOnceFlowControl()
    flow.resume()  # recovery resumes once to read the changelogs...
    buffer = _buffer(flow, "offset 25", "offset 26")
    flow.resume()  # ...and again after seeking the stream partitions
    assert flow.is_active()
    assert [buffer.get_nowait(), buffer.get_nowait()] == ["offset 25", "offset 26"]


def test_a_resume_after_a_suspension_still_empties_the_buffers() -> None:
    flow = ResumeOnceFlowControl()
    flow.resume()
    buffer = _buffer(flow, "fetched before the rebalance")
    flow.suspend()
    assert not flow.is_active()
    flow.resume()
    assert flow.is_active()
    assert buffer.qsize() == 0


def test_the_app_s_stream_buffers_use_the_repaired_flow_control(tmp_path: Path) -> None:
    app = build_app(Settings(data_dir=tmp_path))
    assert isinstance(app.flow_control, ResumeOnceFlowControl)
    buffer = app.FlowControlQueue(maxsize=10, clear_on_resume=True)  # as Faust's channels do
    app.flow_control.resume()
    buffer.put_nowait("fetched during the seek")
    app.flow_control.resume()
    assert buffer.qsize() == 1


def test_the_producer_buffer_holds_what_the_stages_batches_write_at_once(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, batch_max_messages=300, article_partitions=6)
    app = build_app(settings)
    assert ProducerBuffer.max_messages == 100  # Faust's own limit, which batches passed
    assert state_writes_at_once(settings) == (300 + 6) * 3  # three stages
    assert app.producer.buffer.max_messages == state_writes_at_once(settings)
