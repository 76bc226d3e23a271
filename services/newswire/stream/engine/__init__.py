"""The engine: everything that configures, subclasses or repairs Faust and aiokafka.

``app`` turns newswire's settings into Faust's (and the partitioner its producer uses);
``flow`` is Faust's app with its flow control, producer buffer and fetches changed;
``offsets`` its consumer with a repaired drain loop and commit offsets; ``sensor`` Faust's
Prometheus sensor made cheaper; ``web`` says where the web server really listens. The rest of
newswire never touches a private name of Faust, aiokafka or mode: this package does, and only
where ``repairs`` lists it, each with its reason and the upstream issue it works around.

What a change here must keep: the versions pinned in ``pyproject.toml`` (faust-streaming,
aiokafka and mode exactly), and a test per overridden or copied method that fails when the
installed library's version of it changes (``tests/test_newswire/stream/engine/``): an
upgrade must never silently undo a repair. The README says how to upgrade Faust safely.
"""
