"""Run the local sandbox servers until SIGTERM / SIGINT (Ctrl+C).

    python -m tests.servers.sandbox [--port 8765] [--config PATH] [--workdir DIR]

Prints one ``name: URL`` line per server, then stays up. Exits non-zero with rustac's
message if a server cannot start or dies. To add a server for a later feature, append a
:class:`SandboxService` to :data:`SERVICES` (and, if it needs one, a ``--<name>-port``
option is added automatically). Services start in list order; a factory gets its port
and the :class:`SandboxContext` (the work folder, the servers started before it).

The asset server starts first (real COGs and thumbnails made on first request, see
:mod:`tests.servers.sandbox.assets`); rustac then serves a copy of the sandbox items whose
asset hrefs point at it, written to ``<workdir>/stac``. The generated files are cached in
``<workdir>/assets``. ``--workdir`` defaults to ``sandbox/`` next to ``--config`` (so
``make run`` keeps them in ``build/sandbox``), else to a temporary folder.
A port of 0 lets the system pick free ports (the ``name: URL`` lines and --config say
which). ``--assets-rate`` slows whole-file COG downloads to that many kB/s (0: full speed), so a
download can be cancelled and resumed by hand.

The data is served around today: every date of the shipped 2024 items (and the dates in
their ids) moves by whole days so that the newest item is a few days old
(:mod:`tests.servers.sandbox.dates`; ``--today`` picks another day, ``--recorded-dates``
serves the recorded dates). The shipped JSON is not changed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import signal
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from tests.servers.common.s3_server import ACCESS_KEY, SECRET_KEY, S3Server
from tests.servers.sandbox.accounts import AccountServices
from tests.servers.sandbox.assets import SandboxAssetServer, sandbox_items, write_items
from tests.servers.sandbox.dates import NEWEST_DAYS_AGO, days_to_today
from tests.servers.stac.rustac_server import RustacNotFoundError, RustacServer, RustacStartError

#: Whole-file COG downloads from the asset server, in kB/s (0: full speed).
DEFAULT_ASSETS_RATE = 400


@dataclass
class SandboxContext:
    """What a factory may use: the work folder, the options, the servers started so far."""

    workdir: Path
    servers: dict[str, Any] = field(default_factory=dict)
    options: argparse.Namespace = field(default_factory=argparse.Namespace)


@dataclass
class SandboxService:
    """A server of the sandbox. ``factory(port, context)`` returns an object with start(),
    stop(), ``url`` and ``running`` (and optionally ``config()``, merged into --config)."""

    name: str
    description: str
    default_port: int
    factory: Callable[[int, SandboxContext], Any]


def _shift_days(context: SandboxContext) -> int:
    """Days every date moves (the CLI: to put the newest item near today; else 0)."""
    return int(getattr(context.options, "shift_days", 0) or 0)


def _asset_server(port: int, context: SandboxContext) -> SandboxAssetServer:
    rate = getattr(context.options, "assets_rate", DEFAULT_ASSETS_RATE)
    return SandboxAssetServer(
        sandbox_items(shift_days=_shift_days(context)),
        context.workdir / "assets",
        download_rate=rate * 1000 if rate else None,
        port=port,
    )


def _stac_server(port: int, context: SandboxContext) -> RustacServer:
    assets = context.servers["assets"]
    files = write_items(context.workdir / "stac", assets.url, shift_days=_shift_days(context))
    return RustacServer(files, port=port or None)


#: The sandbox's own bucket: Sentinel Hub's Async and Batch APIs deliver into it.
SANDBOX_BUCKET = "eo-explorer-results"


class SandboxS3(S3Server):
    """moto's S3 API with :data:`SANDBOX_BUCKET`; ``config()`` gives the bucket's account
    (``s3:<bucket>`` in the Accounts dialog: endpoint and keys)."""

    def start(self) -> SandboxS3:
        super().start()
        self.client().create_bucket(Bucket=SANDBOX_BUCKET)
        return self

    def config(self) -> dict[str, Any]:
        return {
            "s3:" + SANDBOX_BUCKET: {
                "endpoint": self.endpoint,
                "region": "us-east-1",
                "access_key": ACCESS_KEY,
                "secret_key": SECRET_KEY,
            }
        }


SERVICES = [
    SandboxService(
        "assets",
        "asset server: COGs and thumbnails of the sandbox items, made on first request",
        8780,
        _asset_server,
    ),
    SandboxService(
        "stac",
        "rustac STAC API over resources/sandbox (collections + items, hrefs on the assets)",
        8765,
        _stac_server,
    ),
    SandboxService(
        "s3",
        f"S3 API (moto) with the bucket {SANDBOX_BUCKET} that Sentinel Hub delivers into",
        8790,
        lambda port, _context: SandboxS3(port or None),
    ),
    SandboxService(
        "accounts",
        "token server (port), Sentinel Hub Catalog (port + 1), Constellr API (port + 2) "
        "and Process API (port + 3)",
        8770,
        lambda port, context: AccountServices(
            port,
            context.servers["assets"].url if "assets" in context.servers else "",
            shift_days=_shift_days(context),
            s3_endpoint=context.servers["s3"].endpoint if "s3" in context.servers else "",
        ),
    ),
]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Run the EO Explorer sandbox servers.")
    for service in SERVICES:
        # the STAC API keeps the plain --port option
        flags = ["--port"] if service.name == "stac" else []
        parser.add_argument(
            *flags,
            f"--{service.name}-port",
            dest=f"{service.name}_port",
            type=int,
            default=service.default_port,
            help=f"{service.description} (default: {service.default_port})",
        )
    parser.add_argument("--config", help="write the servers' URLs and demo credentials here")
    parser.add_argument(
        "--workdir",
        help="rewritten items and generated assets (default: sandbox/ next to --config, "
        "else a temporary folder)",
    )
    parser.add_argument(
        "--assets-rate",
        type=int,
        default=DEFAULT_ASSETS_RATE,
        help="whole-file COG downloads in kB/s, to try cancel and resume "
        f"(0: full speed; default: {DEFAULT_ASSETS_RATE})",
    )
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        help="serve the data moved by whole days so that the newest item is "
        f"{NEWEST_DAYS_AGO} days before this date (YYYY-MM-DD; default: today)",
    )
    parser.add_argument(
        "--recorded-dates",
        action="store_true",
        help="serve the data with its recorded 2024 dates (no move to today)",
    )
    return parser


def data_dates(shift_days: int) -> dict[str, str]:
    """The first and last day holding sandbox data once moved by ``shift_days`` (for
    --config: the plugin's Process dock starts on these dates)."""
    items = sandbox_items(shift_days=shift_days)
    days = sorted(str(i["properties"]["datetime"])[:10] for i in items)
    return {"first": days[0], "last": days[-1]}


def _workdir(args: argparse.Namespace, stack: contextlib.ExitStack) -> Path:
    if args.workdir:
        return Path(args.workdir).resolve()
    if args.config:
        return Path(args.config).resolve().parent / "sandbox"
    return Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="eo-explorer-sandbox-")))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    args.shift_days = 0 if args.recorded_dates else days_to_today(sandbox_items(), args.today)
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    with contextlib.ExitStack() as stack:
        context = SandboxContext(_workdir(args, stack), options=args)
        servers = context.servers
        for service in SERVICES:
            try:
                server = service.factory(getattr(args, f"{service.name}_port"), context)
                server.start()
            except (RustacNotFoundError, RustacStartError, OSError, RuntimeError) as exc:
                print(
                    f"error: cannot start sandbox server {service.name!r}: {exc}", file=sys.stderr
                )
                return 1
            stack.callback(server.stop)
            servers[service.name] = server
            print(f"{service.name}: {server.url}", flush=True)
        if args.config:
            config: dict = {"stac": servers["stac"].url, "dates": data_dates(args.shift_days)}
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
