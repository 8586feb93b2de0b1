"""Run the local sandbox servers until SIGTERM / SIGINT (Ctrl+C).

    python -m tests.servers.sandbox [--port 8765]

Prints one ``name: URL`` line per server, then stays up. Exits non-zero with rustac's
message if a server cannot start or dies. To add a server for a later feature, append a
:class:`SandboxService` to :data:`SERVICES` (and, if it needs one, a ``--<name>-port``
option is added automatically).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from tests.servers.rustac_server import RustacNotFoundError, RustacServer, RustacStartError
from tests.servers.sandbox_accounts import AccountServices
from tests.servers.sandbox_items import sandbox_files


@dataclass
class SandboxService:
    """A server of the sandbox. ``factory(port)`` returns an object with start(), stop(),
    ``url`` and ``running``."""

    name: str
    description: str
    default_port: int
    factory: Callable[[int], Any]


SERVICES = [
    SandboxService(
        "stac",
        "rustac STAC API over resources/sandbox (collections + items)",
        8765,
        lambda port: RustacServer(sandbox_files(), port=port),
    ),
    SandboxService(
        "accounts",
        "token server (port), Sentinel Hub Catalog (port + 1) and Constellr STAC (port + 2)",
        8770,
        lambda port: AccountServices(port),
    ),
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Run the EO Explorer sandbox servers.")
    for service in SERVICES:
        # the first service keeps the plain --port option
        flags = ["--port"] if service is SERVICES[0] else []
        parser.add_argument(
            *flags,
            f"--{service.name}-port",
            dest=f"{service.name}_port",
            type=int,
            default=service.default_port,
            help=f"{service.description} (default: {service.default_port})",
        )
    parser.add_argument("--config", help="write the servers' URLs and demo credentials here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with contextlib.ExitStack() as stack:
        servers = {}
        for service in SERVICES:
            server = service.factory(getattr(args, f"{service.name}_port"))
            try:
                server.start()
            except (RustacNotFoundError, RustacStartError, OSError) as exc:
                print(
                    f"error: cannot start sandbox server {service.name!r}: {exc}", file=sys.stderr
                )
                return 1
            stack.callback(server.stop)
            servers[service.name] = server
            print(f"{service.name}: {server.url}", flush=True)
        if args.config:
            config: dict = {"stac": servers["stac"].url}
            for server in servers.values():
                if hasattr(server, "config"):
                    config.update(server.config())
            Path(args.config).write_text(json.dumps(config, indent=2))
        while not stop.wait(0.5):
            for name, server in servers.items():
                if not server.running:
                    output = getattr(server, "output", lambda: "")()
                    print(f"error: sandbox server {name!r} died: {output}", file=sys.stderr)
                    return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
