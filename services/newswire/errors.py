"""The exception tree of newswire.

    NewswireError                 root: every error we raise on purpose
    ├── ConfigurationError        settings that cannot work (bad zone, missing secret, ...)
    ├── BrokerError               the local Kafka broker could not be fetched, started or reached
    │   └── PrerequisiteMissing   java or maven absent or too old
    ├── DeliveryError             Kafka did not take a message we sent (too large, timed out, ...)
    ├── InputError                input we cannot use; carries a machine-readable ``reason``
    │   └── EnvelopeError         a chunk message that is not a valid chunk
    ├── UsageError                arguments that cannot work together (exit 2)
    ├── KafkaUnreachable          Kafka not reachable or refusing, said once at the CLI (exit 69)
    └── PortInUse                 the worker's web port is taken (exit 71)

Foreign exceptions (OSError, pydantic.ValidationError, aiokafka errors) are translated into
these at the module that meets them, so callers branch on our types and on ``reason``, one
of the closed set ``newswire.core.reasons.InputReason`` (dump text that cannot become an
article is not an exception: the parser reports it as a ``Rejection`` value).
"""

from __future__ import annotations

from newswire.core.reasons import InputReason


class NewswireError(Exception):
    """Root of every error newswire raises on purpose."""


class ConfigurationError(NewswireError):
    """Settings that cannot work."""


class BrokerError(NewswireError):
    """The local Kafka broker could not be fetched, started, stopped or reached."""


class PrerequisiteMissing(BrokerError):
    """A program the local broker needs (java >= 17, maven) is absent or too old."""


class DeliveryError(NewswireError):
    """A message newswire sent was not acknowledged by Kafka; the text names topic and cause.

    ``retriable`` says whether sending again may succeed (a timeout) or not (a message too
    large for the topic), as the Kafka error did.
    """

    def __init__(self, message: str, *, retriable: bool = False) -> None:
        super().__init__(message)
        self.retriable = retriable


class InputError(NewswireError):
    """Input newswire cannot use. ``reason`` is a low-cardinality label for metrics and the DLQ
    (``core.reasons``): given here, or fixed by a subclass (``EnvelopeError``)."""

    reason: InputReason

    def __init__(self, message: str, *, reason: InputReason | None = None) -> None:
        super().__init__(message)
        if reason is not None:
            self.reason = reason
        elif not hasattr(self, "reason"):
            raise TypeError(f"{type(self).__name__} needs a reason")


class EnvelopeError(InputError):
    """A chunk message whose envelope (key, headers, fields) is not a valid chunk."""

    reason = "bad_envelope"


# Errors of the command line's boundary (cli/__init__.py); ``exit_code`` is the process's.


class UsageError(NewswireError):
    """Arguments that cannot work together (argparse checks each alone); exit 2 as argparse."""

    exit_code = 2


class KafkaUnreachable(NewswireError):
    """Kafka could not be reached, or refused a request: aiokafka's errors, translated once
    at the command line (sysexits' EX_UNAVAILABLE)."""

    exit_code = 69


class PortInUse(NewswireError):
    """The worker's web port is taken by another process (sysexits' EX_OSERR: cannot bind)."""

    exit_code = 71
