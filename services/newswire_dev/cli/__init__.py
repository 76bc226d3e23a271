"""The development commands `newswire` gains in a development install (``pip install -e
'.[dev]'``, what `make install` runs): ``broker`` (a local Kafka), ``run`` (the embedded main
job) and ``generate`` (synthetic dumps). The wheel and the image do not ship them."""

from newswire_dev.cli import broker, generate, run

COMMANDS = (broker, generate, run)
