"""A real S3 API on 127.0.0.1: ``moto_server`` (PyPI ``moto[server]``) in a subprocess."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Optional

from tests.servers.stac.rustac_server import free_port

ACCESS_KEY = "AKIAEOEXPLORERTEST"
SECRET_KEY = "eo-explorer-s3-secret-for-tests"


def find_moto() -> str:
    candidate = Path(sys.executable).parent / "moto_server"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("moto_server")
    if found:
        return found
    raise FileNotFoundError("moto_server not found: pip install 'moto[server]'")


class S3Server:
    """``with S3Server() as s3: s3.put("eodata", "key", path)``; ``.endpoint`` is
    ``http://127.0.0.1:PORT``. moto accepts any keys; tests use fixed ones."""

    def __init__(self, port: Optional[int] = None) -> None:
        self.port = port or free_port()
        self.process: Optional[subprocess.Popen] = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> S3Server:
        self.process = subprocess.Popen(
            [find_moto(), "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("moto_server exited at start")
            try:
                urllib.request.urlopen(self.endpoint + "/moto-api/", timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("moto_server did not answer within 30 s")

    @property
    def url(self) -> str:
        return self.endpoint

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None

    def __enter__(self) -> S3Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
        )

    def put(self, bucket: str, key: str, path: Path) -> None:
        client = self.client()
        try:
            client.create_bucket(Bucket=bucket)
        except client.exceptions.BucketAlreadyOwnedByYou:
            pass
        client.upload_file(str(path), bucket, key)

    def make_public(self, bucket: str, key: str) -> None:
        """Let anyone read the object without keys (a public bucket)."""
        client = self.client()
        client.put_bucket_acl(Bucket=bucket, ACL="public-read")
        client.put_object_acl(Bucket=bucket, Key=key, ACL="public-read")


class RecordingS3Proxy:
    """A reverse proxy in front of an :class:`S3Server` that records, per request, the
    bucket (first path segment), the access key id of its AWS signature (None when
    unsigned) and the ``x-amz-request-payer`` header. moto accepts any keys; this shows
    which keys went to which bucket. ``with RecordingS3Proxy(s3) as proxy: proxy.endpoint``.
    """

    def __init__(self, upstream: S3Server) -> None:
        from tests.servers.common.recording import LocalServer, RecordingHandler

        proxy = self

        class _Handler(RecordingHandler):
            def handle_request(self) -> None:
                proxy._forward(self)

        class _Server(LocalServer):
            handler = _Handler

        self.upstream = upstream
        self.server = _Server()
        self.seen: list[dict] = []

    @property
    def endpoint(self) -> str:
        return self.server.url.rstrip("/")

    def __enter__(self) -> RecordingS3Proxy:
        self.server.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    def keys_by_bucket(self) -> dict[str, set]:
        found: dict[str, set] = {}
        for entry in self.seen:
            found.setdefault(entry["bucket"], set()).add(entry["key_id"])
        return found

    def _forward(self, handler) -> None:
        import http.client
        import re

        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else None
        authorization = handler.headers.get("Authorization") or ""
        match = re.search(r"Credential=([^/]+)/", authorization)
        self.seen.append(
            {
                "method": handler.command,
                "bucket": handler.path.lstrip("/").split("/", 1)[0].split("?", 1)[0],
                "key_id": match.group(1) if match else None,
                "payer": handler.headers.get("x-amz-request-payer"),
            }
        )
        headers = {k: v for k, v in handler.headers.items() if k.lower() != "host"}
        connection = http.client.HTTPConnection("127.0.0.1", self.upstream.port, timeout=30)
        try:
            connection.request(handler.command, handler.path, body=body, headers=headers)
            answer = connection.getresponse()
            payload = answer.read()
            handler.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                    handler.send_header(name, value)
            handler.send_header("Content-Length", str(len(payload)))
            handler.end_headers()
            if handler.command != "HEAD":
                handler.wfile.write(payload)
        finally:
            connection.close()
