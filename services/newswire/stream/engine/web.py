"""The worker's web server: where it really listens, said once it does."""

from __future__ import annotations

import sys
from typing import Any


def report_web_port(web: Any, line: str) -> None:
    """Print where the web server really listens once it does (the port may have been 0).
    Faust has no hook after its web server binds, so its ``start_server`` is wrapped."""
    start_server = web.start_server

    async def start_and_report() -> None:
        await start_server()
        for address in web._runner.addresses:  # noqa: SLF001 - Faust exposes no bound address; aiohttp's AppRunner has them
            host, port = address[0], address[1]
            print(line.format(host=host, port=port), file=sys.stderr, flush=True)

    web.start_server = start_and_report
