"""The stages: newswire's news logic, one input message in, records out, state by key.

Three stages, in the order a message meets them (``newswire.topology`` declares their topics
and tables): ``Reassembly`` (chunks of a source back into articles, parsed into events),
``Identity`` (exact repeats, revisions, enrichment of what passes) and ``NearDuplicates``
(near-duplicate marking, then publication). Each is a plain object: ``handle(message, state)``
returns the records to produce and writes its table through ``state``; the memory it derives
from its table (retention windows, the near-duplicate index) it rebuilds from that table after
``forget()``. Nothing here imports Faust: the stream's agents run these objects per message
(``newswire.stream``), and ``newswire parse`` runs the same objects in one process
(``pipeline.InProcess``), so both decide with the same code.

What a change here must keep: every decision a function of the message and the state (a replay
decides alike, byte for byte), every record bounded by NEWSWIRE_MAX_MESSAGE_BYTES, every input
that gives no article a dead letter with a reason, and a message whose handling raises leaving
no trace (its state writes and memory changes are made only once it returned).
"""

from newswire.stages.identity import Identity
from newswire.stages.message import Counters, Message, Outgoing, State
from newswire.stages.near import NearDuplicates
from newswire.stages.reassembly import Reassembly

__all__ = [
    "Counters",
    "Identity",
    "Message",
    "NearDuplicates",
    "Outgoing",
    "Reassembly",
    "State",
]
