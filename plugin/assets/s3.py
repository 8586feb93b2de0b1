"""S3 objects (``s3://`` hrefs without an https twin) through GDAL's ``/vsis3/``.

The user's keys are given to GDAL for one bucket only, with path-specific options
(``gdal.SetPathSpecificOption("/vsis3/<bucket>/", …)``, honoured by ``/vsis3/`` since
GDAL 3.6), so they reach that endpoint and nothing else, and never appear in a layer
source. The CDSE endpoint wants path-style requests: virtual hosting is off. GDAL calls go
through :func:`gdal_calls.call`: the same outcome whether GDAL's exceptions are on or off.

Any other bucket has its own account (``s3:<bucket>``, see ``api.accounts``): its endpoint
(AWS when empty; any other endpoint is asked path-style), region, keys, or none at all for
a public bucket (``AWS_NO_SIGN_REQUEST``), and requester pays (``AWS_REQUEST_PAYER``).
Streaming and downloading use the same options, scoped to that bucket's path only.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from osgeo import gdal

from ..api.accounts import AWS_S3_ENDPOINT, CDSE_S3_ENDPOINT, S3_BUCKETS, Credentials, s3_account
from ..api.assets import Asset, Location
from ..api.download import (
    CHUNK,
    DownloadError,
    DownloadResult,
    free_space_ok,
    part_path,
    verify_checksum,
)
from ..api.errors import Cancelled, CredentialsRequired
from ..api.http import IsCancelled, _never
from ..core import credentials
from ..core.gdal_calls import GdalFailed, call


def bucket_of(location: Location) -> str:
    return location.url[len("s3://") :].split("/", 1)[0]


def service_for(location: Location) -> str | None:
    """The account of the object's bucket, when one is saved (or the CDSE one is known)."""
    bucket = bucket_of(location)
    if bucket in S3_BUCKETS:
        return S3_BUCKETS[bucket]
    account = s3_account(bucket)
    return account if credentials.authcfg(account) else None


def gdal_options(bucket: str, keys: Credentials) -> dict[str, str | None]:
    """The GDAL options of one bucket's account (None: unset for that bucket)."""
    cdse = keys.service == S3_BUCKETS.get(bucket) == "cdse-s3"
    endpoint = keys.endpoint or (CDSE_S3_ENDPOINT if cdse else AWS_S3_ENDPOINT)
    parts = urlsplit(endpoint if "://" in endpoint else "https://" + endpoint)
    on_aws = parts.netloc.endswith("amazonaws.com")
    options: dict[str, str | None] = {
        "AWS_ACCESS_KEY_ID": None if keys.anonymous else keys.username,
        "AWS_SECRET_ACCESS_KEY": None if keys.anonymous else keys.secret,
        "AWS_NO_SIGN_REQUEST": "YES" if keys.anonymous else "NO",
        "AWS_REQUEST_PAYER": "requester" if keys.requester_pays else None,
        "AWS_S3_ENDPOINT": parts.netloc,
        "AWS_HTTPS": "NO" if parts.scheme == "http" else "YES",
        # AWS answers virtual-hosted requests; CDSE and other endpoints path-style
        "AWS_VIRTUAL_HOSTING": "TRUE" if on_aws and "." not in bucket else "FALSE",
        "AWS_REGION": keys.region or ("default" if cdse else "us-east-1"),
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    }
    return options


def configure(bucket: str, keys: Credentials) -> str:
    """Give GDAL the keys for ``bucket`` only; returns the ``/vsis3/<bucket>/`` prefix."""
    prefix = f"/vsis3/{bucket}/"
    for key, value in gdal_options(bucket, keys).items():
        gdal.SetPathSpecificOption(prefix, key, value)
    gdal.VSICurlPartialClearCache(prefix)
    return prefix


def ready(location: Location) -> str:
    """Configure GDAL for the object's bucket from the saved account (main thread).

    Raises :class:`CredentialsRequired` when no S3 account covers the bucket."""
    return configure(bucket_of(location), keys_for(location))


def account_of(location: Location) -> str:
    """The account that holds the keys of the object's bucket (saved or not)."""
    return service_for(location) or s3_account(bucket_of(location))


def keys_for(location: Location) -> Credentials:
    """The saved keys of the object's bucket (main thread: reads the auth database)."""
    service = account_of(location)
    keys = credentials.load(service) if credentials.authcfg(service) else None
    if keys is None or not keys.complete:
        raise missing_keys(location)
    return keys


def missing_keys(location: Location) -> CredentialsRequired:
    service = account_of(location)
    return CredentialsRequired(
        f"{location.url} is only on S3: set up the {credentials.title(service)} account "
        "(endpoint, region, and access and secret key or anonymous access) under "
        "Accounts… to stream or download it."
    )


def check(keys: Credentials, bucket: str = "eodata") -> tuple[bool, str]:
    """The Test button for S3 keys: ask the endpoint about the bucket."""
    prefix = configure(bucket, keys)
    try:
        call(gdal.VSIStatL, prefix.rstrip("/"))
    except GdalFailed as exc:
        message = exc.message or "no answer"
        return False, f"The S3 endpoint refused the keys or the bucket {bucket!r}: {message}"
    return True, f"The S3 endpoint accepted the keys for the bucket {bucket!r}."


def download(
    asset: Asset,
    location: Location,
    path: Path,
    *,
    progress=None,
    is_cancelled: IsCancelled = _never,
) -> DownloadResult:
    """Copy an S3 object to ``path`` like :func:`api.download.download`: ``.part`` file,
    resume, size and checksum check, atomic rename."""
    source = location.gdal_path
    try:
        stat = call(gdal.VSIStatL, source)
    except GdalFailed as exc:
        raise DownloadError(
            f"{path.name}: the S3 object cannot be read ({exc.message or 'not found'}).",
            "S3 error",
        ) from exc
    total = stat.size
    partial = part_path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    have = partial.stat().st_size if partial.exists() else 0
    if have > total:
        partial.unlink()
        have = 0
    free_space_ok(path.parent, total - have)
    try:
        handle = call(gdal.VSIFOpenL, source, "rb")
    except GdalFailed as exc:
        raise DownloadError(
            f"{path.name}: the S3 object cannot be opened ({exc.message or 'no answer'}).",
            "S3 error",
        ) from exc
    resumed = have
    try:
        call(gdal.VSIFSeekL, handle, have, os.SEEK_SET)
        with partial.open("ab") as out:
            while have < total:
                if is_cancelled():
                    raise Cancelled()
                try:
                    block = call(gdal.VSIFReadL, 1, min(CHUNK, total - have), handle)
                except GdalFailed:
                    block = b""
                if not block:
                    raise DownloadError(
                        f"{path.name}: the S3 read stopped at {have} bytes.", "incomplete file"
                    )
                out.write(block)
                have += len(block)
                if progress:
                    progress(have, total)
    finally:
        gdal.VSIFCloseL(handle)
    if asset.size is not None and have != asset.size:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"{path.name}: {have} bytes but the catalog says {asset.size}.", "wrong size"
        )
    verified = verify_checksum(partial, asset.checksum, path.name)
    os.replace(partial, path)
    return DownloadResult(path, have, resumed, 1, verified)
