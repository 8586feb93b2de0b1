"""stac-fastapi-pgstac (the server CDSE STAC v1 runs) on a throwaway PostgreSQL cluster.

``PgstacServer(items, collections)``:

1. ``initdb`` in a temporary folder (as the ``postgres`` user when run as root: PostgreSQL
   refuses to run as root; ``Popen(user=...)`` keeps it this process's child), password
   authentication with a random password;
2. ``postgres`` on 127.0.0.1, on a port probed free a moment before (retried if taken);
3. the postgis extension and the pypgstac migrations, ``eo:cloud_cover`` registered as a
   numeric queryable (else pgstac sorts it as text), then the collections and items
   (``pgstac_load.py`` under the pgstac venv's Python);
4. ``uvicorn stac_fastapi.pgstac.app:app`` on a socket this process binds to port 0 on
   127.0.0.1 and hands over (``--fd``): the OS chooses the port, nothing can take it first;
5. waits until the landing page answers.

stac-fastapi-pgstac, pypgstac and uvicorn live in their own venv (``.venv-pgstac``, made by
``.ci/install.sh``) so that their pins never touch the plugin's venv. PostgreSQL 15 and
PostGIS 3 come from Debian (``postgresql``, ``postgresql-15-postgis-3``).

What this server does that matters to the plugin (stac-fastapi-pgstac 7.x, pgstac 0.9):
POST /search takes ``filter`` only as CQL2 JSON (a text filter is a 400 with
``Input should be a valid dictionary``); GET takes CQL2 text; ``sortby``, ``fields`` and
``token`` paging (``next`` link with ``?token=next:...``) as CDSE; ``links`` come before
``features`` in a page.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Optional

REPO = Path(__file__).resolve().parents[3]
VENV = Path(os.environ.get("PGSTAC_VENV", REPO / ".venv-pgstac"))
LOADER = Path(__file__).resolve().parent / "pgstac_load.py"


def _newest_postgresql() -> str:
    """The major version of the newest PostgreSQL installed (15 on Debian 12, 17 on 13)."""
    versions = [p.parent.parent.name for p in Path("/usr/lib/postgresql").glob("*/bin/initdb")]
    numeric = sorted((int(v) for v in versions if v.isdigit()), reverse=True)
    return str(numeric[0]) if numeric else "15"


PG_VERSION = os.environ.get("PGSTAC_PG_VERSION") or _newest_postgresql()
PG_BIN = Path(f"/usr/lib/postgresql/{PG_VERSION}/bin")


class PgstacUnavailable(RuntimeError):
    """PostgreSQL, PostGIS or the pgstac venv is missing (``bash .ci/install.sh``)."""


class PgstacStartError(RuntimeError):
    """A step failed; the message has the command's output."""


def missing() -> str:
    """Why the server cannot start here, or "" when it can."""
    if not (PG_BIN / "initdb").is_file():
        return f"PostgreSQL {PG_VERSION} is not installed ({PG_BIN}/initdb)"
    if not Path(f"/usr/share/postgresql/{PG_VERSION}/extension/postgis.control").is_file():
        return f"PostGIS for PostgreSQL {PG_VERSION} is not installed"
    for tool in ("python", "uvicorn"):
        if not (VENV / "bin" / tool).is_file():
            return f"{VENV}/bin/{tool} is missing (stac-fastapi-pgstac venv)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "there is no 'postgres' user to run PostgreSQL as"
    return ""


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class PgstacServer:
    host = "127.0.0.1"

    def __init__(
        self,
        items: Iterable[dict[str, Any]],
        collections: Sequence[dict[str, Any]],
        *,
        env: Optional[dict[str, str]] = None,
        startup_timeout: float = 60.0,
    ) -> None:
        # Iterated once, when loading: a generator keeps 10,000 large items out of memory.
        self.items, self.collections = items, list(collections)
        self.extra_env = dict(env or {})
        self.startup_timeout = startup_timeout
        self.workdir: Optional[Path] = None
        self.pg_port: Optional[int] = None
        self.port: Optional[int] = None
        self.postgres: Optional[subprocess.Popen] = None
        self.api: Optional[subprocess.Popen] = None
        self.password = os.urandom(16).hex()
        self.timings: dict[str, float] = {}

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("PgstacServer is not started")
        return f"http://{self.host}:{self.port}/"

    @property
    def dsn(self) -> str:
        return f"postgresql://postgres:{self.password}@{self.host}:{self.pg_port}/postgres"

    # -- helpers --------------------------------------------------------------------------

    @staticmethod
    def _as_postgres() -> dict[str, Any]:
        """Popen arguments that run a command as ``postgres`` when this process is root
        (PostgreSQL refuses root). The process stays this one's child, reaped here."""
        if os.geteuid() != 0:
            return {}
        return {"user": "postgres", "group": "postgres", "extra_groups": []}

    def _run(self, cmd: list[str], what: str, **kwargs: Any) -> None:
        done = subprocess.run(
            cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True, **kwargs
        )
        if done.returncode != 0:
            raise PgstacStartError(f"{what} failed ({done.returncode}): {done.stderr[-3000:]}")

    def _log(self, name: str) -> str:
        path = self.workdir / name if self.workdir else None
        if path is None or not path.is_file():
            return ""
        return path.read_text("utf-8", "replace")[-3000:]

    # -- start / stop ---------------------------------------------------------------------

    def start(self) -> PgstacServer:
        reason = missing()
        if reason:
            raise PgstacUnavailable(reason)
        started = time.monotonic()
        try:
            self._initdb()
            mark = time.monotonic()
            self.timings["initdb"] = mark - started
            self._start_postgres()
            self.timings["postgres"] = time.monotonic() - mark
            mark = time.monotonic()
            self._load()
            self.timings["load"] = time.monotonic() - mark
            mark = time.monotonic()
            self._start_api()
            self.timings["api"] = time.monotonic() - mark
        except BaseException:
            self.stop()
            raise
        self.timings["total"] = time.monotonic() - started
        return self

    def _initdb(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="eo-pgstac-"))
        data = self.workdir / "data"
        data.mkdir()
        pwfile = self.workdir / "pw"
        pwfile.write_text(self.password + "\n", encoding="utf-8")
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
            shutil.chown(data, "postgres")
            shutil.chown(pwfile, "postgres")
        os.chmod(data, 0o700)
        cmd = [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8"]
        cmd += ["--no-sync", "--auth=scram-sha-256", f"--pwfile={pwfile}", "--no-instructions"]
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        self._run(cmd, "initdb", env=env, cwd=self.workdir, **self._as_postgres())
        pwfile.unlink()

    def _start_postgres(self) -> None:
        assert self.workdir is not None
        for attempt in range(3):
            self.pg_port = _free_port(self.host)
            log = open(self.workdir / "postgres.log", "wb")  # kept open
            cmd = [str(PG_BIN / "postgres"), "-D", str(self.workdir / "data")]
            cmd += ["-h", self.host, "-p", str(self.pg_port), "-k", str(self.workdir)]
            for setting in ("fsync=off", "synchronous_commit=off", "full_page_writes=off"):
                cmd += ["-c", setting]
            self.postgres = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                cwd=self.workdir,
                **self._as_postgres(),
            )
            log.close()
            deadline = time.monotonic() + self.startup_timeout
            while time.monotonic() < deadline and self.postgres.poll() is None:
                if "ready to accept connections" in self._log("postgres.log"):
                    return
                time.sleep(0.05)
            output = self._log("postgres.log")
            self._stop_process("postgres")
            if "already in use" not in output or attempt == 2:
                raise PgstacStartError(f"postgres did not start: {output}")

    def _load(self) -> None:
        assert self.workdir is not None
        collections = self.workdir / "collections.ndjson"
        items = self.workdir / "items.ndjson"
        for path, records in ((collections, self.collections), (items, self.items)):
            with open(path, "w", encoding="utf-8") as out:
                for record in records:
                    out.write(json.dumps(record, separators=(",", ":")) + "\n")
        cmd = [str(VENV / "bin" / "python"), str(LOADER), self.dsn, str(collections), str(items)]
        self._run(cmd, "pypgstac migrate and load")

    def _start_api(self) -> None:
        assert self.workdir is not None
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, 0))
        self.port = sock.getsockname()[1]
        env = {
            **os.environ,
            "PGUSER": "postgres",
            "PGPASSWORD": self.password,
            "PGHOST": self.host,
            "PGPORT": str(self.pg_port),
            "PGDATABASE": "postgres",
            "DB_MIN_CONN_SIZE": "1",
            "DB_MAX_CONN_SIZE": "4",
            **self.extra_env,
        }
        log = open(self.workdir / "api.log", "wb")  # kept open
        cmd = [str(VENV / "bin" / "uvicorn"), "--factory", "stac_fastapi.pgstac.app:create_app"]
        cmd += ["--fd", str(sock.fileno()), "--log-level", "warning", "--no-access-log"]
        try:
            self.api = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=env,
                pass_fds=(sock.fileno(),),
                cwd=self.workdir,
            )
        finally:
            sock.close()  # uvicorn holds its own copy
            log.close()
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.api.poll() is not None:
                raise PgstacStartError(f"uvicorn exited: {self._log('api.log')}")
            if self._answers():
                return
            time.sleep(0.05)
        raise PgstacStartError(f"stac-fastapi-pgstac did not answer: {self._log('api.log')}")

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(self.url, timeout=2) as response:
                return response.status == 200 and "links" in json.loads(response.read())
        except (OSError, ValueError):
            return False

    def _stop_process(self, name: str) -> None:
        process = getattr(self, name)
        if process is None:
            return
        if process.poll() is None:
            process.terminate()  # postgres: SIGTERM is a "smart" shutdown
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        setattr(self, name, None)

    def stop(self) -> None:
        self._stop_process("api")
        self._stop_process("postgres")
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self) -> PgstacServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


if __name__ == "__main__":  # python -m tests.servers.stac.pgstac_server: start, time, stop
    from tests.servers.stac.pgstac_items import collection, make_items

    with PgstacServer(make_items(), [collection()]) as server:
        print(server.url, {k: round(v, 2) for k, v in server.timings.items()})
