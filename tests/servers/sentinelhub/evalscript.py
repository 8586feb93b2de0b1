"""Reads what a Sentinel Hub evalscript V3 declares in ``setup()``, without a JS engine.

Part of :class:`tests.servers.sentinelhub.process_server.ProcessApiServer`.
Rules from the Evalscript V3 documentation (CDSE "APIs/SentinelHub/Evalscript/V3"):
the script starts with ``//VERSION=3`` and defines ``setup()`` and ``evaluatePixel()``;
``setup()`` returns an object with ``input`` (band names, or objects with ``bands`` /
``units`` / ``datasource``),
``output`` (one object or an array; ``id`` default "default", ``bands``, ``sampleType``
default "AUTO", optional ``nodataValue``) and optional ``mosaicking`` (SIMPLE, ORBIT, TILE).

The object literal after ``return`` in ``setup()`` is parsed by a small tolerant parser:
comments, unquoted keys, single quotes, trailing commas, missing commas between properties
(the V3 page's own multi-output example has them) and constants such as
``SampleType.FLOAT32`` are accepted. A setup() that computes its result (variables, calls)
cannot be read and is refused with a message saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

__all__ = ["SAMPLE_TYPES", "Evalscript", "EvalscriptError", "Output", "parse_evalscript"]

SAMPLE_TYPES = ("INT8", "UINT8", "INT16", "UINT16", "FLOAT32", "AUTO")
MOSAICKING = ("SIMPLE", "ORBIT", "TILE")


class EvalscriptError(ValueError):
    """The evalscript cannot be used; ``str(error)`` is the message sent back."""


@dataclass
class Output:
    id: str = "default"
    bands: int = 1
    sample_type: str = "AUTO"
    nodata: Optional[float] = None


@dataclass
class Evalscript:
    inputs: list[str] = field(default_factory=list)  # band names of all input objects
    outputs: list[Output] = field(default_factory=list)
    mosaicking: str = "SIMPLE"
    setup: dict = field(default_factory=dict)  # the parsed setup() result

    def output(self, identifier: str) -> Optional[Output]:
        return next((o for o in self.outputs if o.id == identifier), None)


_TOKEN = re.compile(
    r"""\s+|//[^\n]*|/\*.*?\*/
    |(?P<str>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`[^`$]*`)
    |(?P<num>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    |(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)
    |(?P<punct>[{}\[\]:,;()])""",
    re.VERBOSE | re.DOTALL,
)
_LITERALS = {"true": True, "false": False, "null": None, "undefined": None, "NaN": float("nan")}


def _tokens(text: str, start: int) -> list[tuple[str, Any, int]]:
    """Tokens of ``text`` from ``start``: (kind, value, position); stops at the first
    character no JS literal can contain (an operator), which ends the literal anyway."""
    out: list[tuple[str, Any, int]] = []
    pos = start
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            out.append(("other", text[pos], pos))
            break
        pos = m.end()
        kind = m.lastgroup
        if kind == "str":
            raw = m.group(kind)[1:-1]
            value = re.sub(r"\\(.)", r"\1", raw)
            out.append(("str", value, m.start()))
        elif kind == "num":
            num = float(m.group(kind))
            out.append(("num", int(num) if num.is_integer() else num, m.start()))
        elif kind is not None:
            out.append((kind, m.group(kind), m.start()))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, Any, int]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> tuple[str, Any, int]:
        return self.tokens[self.i] if self.i < len(self.tokens) else ("eof", None, -1)

    def take(self) -> tuple[str, Any, int]:
        token = self.peek()
        self.i += 1
        return token

    def value(self) -> Any:
        kind, value, _ = self.take()
        if kind == "punct" and value == "{":
            return self.obj()
        if kind == "punct" and value == "[":
            return self.arr()
        if kind in ("str", "num"):
            return value
        if kind == "name" and value in _LITERALS:
            return _LITERALS[value]
        if kind == "name" and "." in value:  # a constant such as SampleType.UINT16
            return value.rsplit(".", 1)[1]
        raise EvalscriptError(f"unsupported expression {value!r}")

    def obj(self) -> dict:
        result: dict = {}
        while True:
            kind, value, _ = self.take()
            if kind == "punct" and value == "}":
                return result
            if kind == "punct" and value == ",":
                continue
            if kind not in ("name", "str", "num"):
                raise EvalscriptError(f"unexpected {value!r} in an object")
            key = str(value)
            colon = self.take()
            if colon[:2] != ("punct", ":"):
                raise EvalscriptError(f"expected ':' after {key!r}")
            result[key] = self.value()

    def arr(self) -> list:
        result: list = []
        while True:
            kind, value, _ = self.peek()
            if kind == "punct" and value == "]":
                self.take()
                return result
            if kind == "punct" and value == ",":
                self.take()
                continue
            result.append(self.value())


def _function_body(script: str, name: str) -> Optional[int]:
    """Index just after the ``{`` opening the body of function ``name``, or None."""
    patterns = (
        rf"\bfunction\s+{name}\s*\([^)]*\)\s*\{{",
        rf"\b{name}\s*=\s*function\s*\([^)]*\)\s*\{{",
        rf"\b{name}\s*=\s*\([^)]*\)\s*=>\s*\{{",
    )
    for pattern in patterns:
        m = re.search(pattern, script)
        if m:
            return m.end()
    return None


def _setup_result(script: str) -> dict:
    body = _function_body(script, "setup")
    if body is None:
        raise EvalscriptError("The evalscript must define a setup() function.")
    m = re.compile(r"\breturn\b\s*").search(script, body)
    if m is None:
        raise EvalscriptError("setup() must return an object with input and output.")
    parser = _Parser(_tokens(script, m.end()))
    if parser.peek()[:2] != ("punct", "{"):
        raise EvalscriptError(
            "setup() must return an object literal (this test server reads it without "
            "running JavaScript)."
        )
    try:
        return parser.value()
    except EvalscriptError as exc:
        raise EvalscriptError(f"Cannot read the object returned by setup(): {exc}.") from None


def _inputs(setup: dict) -> list[str]:
    raw = setup.get("input")
    if not isinstance(raw, list) or not raw:
        raise EvalscriptError("setup() must return a non-empty 'input' array.")
    bands: list[str] = []
    for item in raw:
        if isinstance(item, str):
            bands.append(item)
        elif isinstance(item, dict) and isinstance(item.get("bands"), list):
            bands.extend(str(b) for b in item["bands"])
        else:
            raise EvalscriptError(
                "Each 'input' element must be a band name or an object with 'bands'."
            )
    return bands


def _outputs(setup: dict) -> list[Output]:
    raw = setup.get("output")
    items = raw if isinstance(raw, list) else [raw]
    if raw is None or not items:
        raise EvalscriptError("setup() must return an 'output' object or array.")
    outputs: list[Output] = []
    for item in items:
        if not isinstance(item, dict):
            raise EvalscriptError("Each 'output' element must be an object.")
        bands = item.get("bands")
        if isinstance(bands, bool) or not isinstance(bands, int) or bands < 1:
            raise EvalscriptError("Output 'bands' must be a positive integer.")
        sample_type = str(item.get("sampleType", "AUTO")).upper()
        if sample_type not in SAMPLE_TYPES:
            raise EvalscriptError(
                f"Unknown sampleType {item.get('sampleType')!r}; expected one of "
                + ", ".join(SAMPLE_TYPES)
                + "."
            )
        nodata = item.get("nodataValue")
        if nodata is not None and (
            isinstance(nodata, bool) or not isinstance(nodata, (int, float))
        ):
            raise EvalscriptError("Output 'nodataValue' must be a number.")
        outputs.append(Output(str(item.get("id", "default")), bands, sample_type, nodata))
    ids = [o.id for o in outputs]
    if len(set(ids)) != len(ids):
        raise EvalscriptError("Output ids must be unique.")
    return outputs


def parse_evalscript(script: str) -> Evalscript:
    """Inputs, outputs and mosaicking of ``script``; :class:`EvalscriptError` if unusable."""
    if not re.match(r"\s*//\s*VERSION\s*=\s*3\b", script):
        raise EvalscriptError(
            "Only evalscript V3 is supported: the evalscript must start with //VERSION=3."
        )
    setup = _setup_result(script)
    defined = r"\bfunction\s+evaluatePixel\s*\(|\bevaluatePixel\s*=\s*(function\b|\(|\w+\s*=>)"
    if not re.search(defined, script):
        raise EvalscriptError("The evalscript must define an evaluatePixel() function.")
    mosaicking = str(setup.get("mosaicking", "SIMPLE")).upper()
    if mosaicking not in MOSAICKING:
        raise EvalscriptError(f"Unknown mosaicking {setup.get('mosaicking')!r}.")
    return Evalscript(_inputs(setup), _outputs(setup), mosaicking, setup)
