"""The ``output`` part of a Process API request: image size and ``responses`` / ``Accept``.

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer`; rules from the CDSE
Sentinel Hub OpenAPI ``ProcessRequestOutput`` (width/height 1..2500, default 256; "Only one
pair of parameters width/height or resx/resy"), ``ProcessRequestOutputResponse`` (identifier
= an evalscript output id or ``userdata``; format default image/png), the ``Accept`` header
("has priority over the type defined in the output object"; several responses need
application/tar, application/x-tar or multipart/mixed) and Evalscript V3 (JPEG and PNG
carry 1 or 3 components, PNG plus alpha; "JPEG cannot be FLOAT32").
"""

from __future__ import annotations

from typing import Any, Optional

from tests.servers.sentinelhub.collections import ApiError, bad_payload
from tests.servers.sentinelhub.evalscript import Evalscript

__all__ = ["CONTAINERS", "FORMATS", "MAX_SIZE", "check_compatible", "image_size", "responses"]

MAX_SIZE = 2500  # ProcessRequestOutput width/height maximum
FORMATS = ("image/png", "image/jpeg", "image/tiff", "application/json")
CONTAINERS = ("application/tar", "application/x-tar", "multipart/mixed")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _dict(value: Any, path: str) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad_payload(path, f"`{path.replace('->', '.')}` must be an object.")
    return value


def image_size(output: dict, bbox: tuple, where: str = "output", max_size: int = MAX_SIZE) -> tuple:
    """(width, height) of ``output`` (or the Statistical API's ``aggregation``: ``where``);
    ``max_size``: the largest side (the Async Process API allows more)."""
    pairs = ("width" in output or "height" in output, "resx" in output or "resy" in output)
    if all(pairs):
        raise bad_payload(
            where,
            'Only one pair of parameters "width"/"height" or "resx"/"resy" must be set at the '
            "same time.",
        )
    if pairs[1]:
        # How the service rounds extent / resolution to pixels is not documented: rounding
        # to the nearest integer is this server's own rule (the plugin sends width/height).
        size = []
        for res_key, size_key, extent in (
            ("resx", "width", bbox[2] - bbox[0]),
            ("resy", "height", bbox[3] - bbox[1]),
        ):
            res = output.get(res_key)
            if not _number(res) or res <= 0:
                raise bad_payload(f"{where}->{res_key}", f"`{res_key}` must be a positive number.")
            pixels = max(1, int(round(extent / res)))
            if pixels > max_size:
                raise bad_payload(
                    f"{where}->{res_key}",
                    f"`{size_key} = {pixels}`, calculated from {res_key}, is larger than "
                    f"allowed {max_size}.",
                )
            size.append(pixels)
        return size[0], size[1]
    size = []
    for key in ("width", "height"):
        value = output.get(key, 256)  # OpenAPI default 256
        if not _number(value) or not float(value).is_integer():
            raise bad_payload(f"{where}->{key}", f"`{key}` must be an integer.")
        value = int(value)
        if value > max_size:
            raise bad_payload(
                f"{where}->{key}", f"`{key} = {value}` is larger than allowed {max_size}."
            )
        if value < 1:
            raise bad_payload(f"{where}->{key}", f"`{key} = {value}` is smaller than allowed 1.")
        size.append(value)
    return size[0], size[1]


def _accepted(accept: Optional[str]) -> list[str]:
    return [a.split(";")[0].strip().lower() for a in (accept or "").split(",") if a.strip()]


def responses(output: dict, script: Evalscript, accept: Optional[str]) -> tuple:
    raw = output.get("responses")
    if raw is None:
        raw = [{"identifier": "default", "format": {"type": "image/png"}}]
    if not isinstance(raw, list) or not raw:
        raise bad_payload("output->responses", "`output.responses` must be a non-empty array.")
    answers: list[list[str]] = []
    quality: dict = {}
    for i, item in enumerate(raw):
        path = f"output->responses->{i}"
        item = _dict(item, path)
        identifier = str(item.get("identifier", "default"))
        fmt = _dict(item.get("format"), f"{path}->format")
        mime = fmt.get("type", "image/png")
        if mime not in FORMATS:
            raise bad_payload(f"{path}->format->type", f"Unsupported output format {mime!r}.")
        if "quality" in fmt:
            q = fmt["quality"]
            if isinstance(q, bool) or not isinstance(q, int) or not 0 <= q <= 100:
                raise bad_payload(f"{path}->format->quality", "quality must be 0 to 100.")
            quality[identifier] = q
        if identifier == "userdata":
            if mime != "application/json":
                raise bad_payload(f"{path}->format->type", "userdata must be application/json.")
        elif script.output(identifier) is None:
            ids = ", ".join(o.id for o in script.outputs)
            raise bad_payload(
                f"{path}->identifier",
                f"Response identifier {identifier!r} matches no output id in the evalscript "
                f"setup() ({ids}) and is not 'userdata'.",
            )
        if any(identifier == r[0] for r in answers):
            raise bad_payload(
                f"{path}->identifier", f"Duplicate response identifier {identifier!r}."
            )
        answers.append([identifier, mime])
    accepted = _accepted(accept)
    wildcard = not accepted or any(a.endswith("/*") for a in accepted)
    container = next((a for a in accepted if a in CONTAINERS), None)
    if container == "multipart/mixed":
        raise ApiError(400, "multipart/mixed answers are not implemented by this test server.")
    if len(answers) > 1 and container is None:
        raise bad_payload(
            "output->responses",
            "Several responses were requested: set the Accept header to application/tar, "
            "application/x-tar or multipart/mixed.",
        )
    if container is None:
        # "Accept ... has priority over the type defined in the output object of the request."
        concrete = [a for a in accepted if a in FORMATS]
        if concrete and answers[0][1] not in concrete:
            answers[0][1] = concrete[0]
        elif not concrete and not wildcard:
            raise ApiError(
                400,
                f"Unsupported Accept header {accept!r}: use one of image/jpeg, image/png, "
                "image/tiff, application/json, application/tar, application/x-tar.",
            )
    return [tuple(r) for r in answers], container or answers[0][1], quality


def check_compatible(script: Evalscript, answers: list) -> None:
    for identifier, mime in answers:
        out = script.output(identifier)
        if out is None or mime not in ("image/png", "image/jpeg"):
            if out is not None and mime == "application/json":
                raise bad_payload(
                    "output->responses", f"Output {identifier!r} is an image, not application/json."
                )
            continue
        name = "JPEG" if mime == "image/jpeg" else "PNG"
        types = ("AUTO", "UINT8") if mime == "image/jpeg" else ("AUTO", "UINT8", "UINT16")
        bands = (1, 3) if mime == "image/jpeg" else (1, 2, 3, 4)
        if out.sample_type not in types:
            raise ApiError(
                400,
                f"sampleType {out.sample_type} of output {identifier!r} is not compatible with "
                f"{mime}: {name} supports {', '.join(types)}.",
            )
        if out.bands not in bands:
            raise ApiError(
                400,
                f"Output {identifier!r} has {out.bands} bands; {mime} supports "
                f"{' or '.join(map(str, bands))}.",
            )
