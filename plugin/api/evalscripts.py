"""Evalscripts: what a script declares in ``setup()``, and the presets the plugin ships.

An evalscript V3 (Sentinel Hub "Evalscript V3") starts with ``//VERSION=3`` and defines
``setup()`` and ``evaluatePixel()``; ``setup()`` returns ``{input, output, mosaicking}``.
The object literal after ``return`` is read here without a JavaScript engine, tolerantly
(comments, unquoted keys, single quotes, trailing commas, constants such as
``SampleType.FLOAT32``): enough to know the output's sample type and band count, and the
input bands the processing units depend on. A script whose ``setup()`` computes its result
still runs; only those numbers are then unknown.

Presets live in ``resources/evalscripts`` with an ``index.json`` (title, collections,
style); their sample type and band count are read from the scripts themselves.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .errors import EOExplorerError

PRESETS_DIR = Path(__file__).resolve().parents[2] / "resources" / "evalscripts"
SAMPLE_TYPES = ("INT8", "UINT8", "INT16", "UINT16", "FLOAT32", "AUTO")
#: GDAL data type names of the GeoTIFF the service writes for each sample type.
GDAL_TYPE_NAMES = {
    "AUTO": "Byte",
    "UINT8": "Byte",
    "INT8": "Byte",
    "UINT16": "UInt16",
    "INT16": "Int16",
    "FLOAT32": "Float32",
}


class EvalscriptProblem(EOExplorerError):
    """The evalscript cannot be sent as it is; the message says what to fix."""


@dataclass(frozen=True)
class OutputInfo:
    """One output of ``setup()``: its id, bands, sample type and no-data value."""

    id: str = "default"
    bands: int = 0
    sample_type: str = "AUTO"
    nodata: Optional[float] = None


@dataclass(frozen=True)
class ScriptInfo:
    """What ``setup()`` declares. ``bands == 0``: the output could not be read.

    ``bands``, ``sample_type``, ``nodata`` and ``output_id`` describe the main output (the
    one with id "default", else the first); ``outputs`` lists every output."""

    inputs: tuple[str, ...] = ()
    bands: int = 0
    sample_type: str = "AUTO"
    nodata: Optional[float] = None
    output_id: str = "default"
    mosaicking: str = "SIMPLE"
    outputs: tuple[OutputInfo, ...] = ()

    @property
    def output_ids(self) -> tuple[str, ...]:
        """The ids to request, the main output first; "default" when unreadable."""
        ids = [self.output_id] + [o.id for o in self.outputs if o.id != self.output_id]
        return tuple(ids)

    def output(self, identifier: str) -> OutputInfo:
        found = next((o for o in self.outputs if o.id == identifier), None)
        if found is not None:
            return found
        return OutputInfo(self.output_id, self.bands, self.sample_type, self.nodata)

    @property
    def known(self) -> bool:
        return self.bands > 0

    @property
    def input_band_count(self) -> int:
        """Bands that count for processing units: dataMask only when it is alone."""
        bands = [b for b in self.inputs if b != "dataMask"] or list(self.inputs)
        return len(bands) or 3

    def describe(self) -> str:
        if not self.known:
            return "output not readable from setup(): sample type and bands unknown"
        if len(self.outputs) > 1:
            return ", ".join(f"{o.id}: {o.bands} band(s) {o.sample_type}" for o in self.outputs)
        return f"{self.bands} band(s), {self.sample_type}"


_TOKEN = re.compile(
    r"""\s+|//[^\n]*|/\*.*?\*/
    |(?P<str>"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')
    |(?P<num>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    |(?P<name>[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)
    |(?P<punct>[{}\[\]:,])""",
    re.VERBOSE | re.DOTALL,
)
_LITERALS = {"true": True, "false": False, "null": None, "undefined": None, "NaN": float("nan")}


class _Unreadable(ValueError):
    pass


class _Literal:
    """A recursive-descent reader of one JavaScript object literal."""

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.pos = start

    def _next(self) -> tuple[str, Any]:
        while self.pos < len(self.text):
            m = _TOKEN.match(self.text, self.pos)
            if m is None:
                raise _Unreadable(f"unexpected {self.text[self.pos]!r}")
            self.pos = m.end()
            kind = m.lastgroup
            if kind is None:
                continue  # blank or comment
            raw = m.group(kind)
            if kind == "str":
                return kind, re.sub(r"\\(.)", r"\1", raw[1:-1])
            if kind == "num":
                number = float(raw)
                return kind, int(number) if number.is_integer() else number
            return kind, raw
        return "eof", None

    def value(self, token: Optional[tuple[str, Any]] = None) -> Any:
        kind, raw = token or self._next()
        if (kind, raw) == ("punct", "{"):
            return self._object()
        if (kind, raw) == ("punct", "["):
            return self._array()
        if kind in ("str", "num"):
            return raw
        if kind == "name" and raw in _LITERALS:
            return _LITERALS[raw]
        if kind == "name" and "." in raw:  # SampleType.UINT16 and the like
            return raw.rsplit(".", 1)[1]
        raise _Unreadable(f"{raw!r} is computed, not written out")

    def _object(self) -> dict:
        result: dict = {}
        while True:
            kind, raw = self._next()
            if (kind, raw) == ("punct", "}"):
                return result
            if (kind, raw) == ("punct", ","):
                continue
            if kind not in ("name", "str", "num"):
                raise _Unreadable(f"unexpected {raw!r} in an object")
            if self._next() != ("punct", ":"):
                raise _Unreadable(f"expected ':' after {raw!r}")
            result[str(raw)] = self.value()

    def _array(self) -> list:
        result: list = []
        while True:
            token = self._next()
            if token == ("punct", "]"):
                return result
            if token == ("punct", ","):
                continue
            result.append(self.value(token))


def _defines(text: str, name: str) -> Optional[re.Match]:
    patterns = (
        rf"\bfunction\s+{name}\s*\([^)]*\)\s*\{{",
        rf"\b{name}\s*=\s*function\s*\([^)]*\)\s*\{{",
        rf"\b{name}\s*=\s*\(?[^)=]*\)?\s*=>",
    )
    for pattern in patterns:
        m = re.search(pattern, text)
        if m:
            return m
    return None


def _without_comments(text: str) -> str:
    """Comments blanked out (strings kept), so a commented-out function does not count."""
    out = []
    pos = 0
    pattern = re.compile(r"""//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'""", re.S)
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        token = m.group(0)
        out.append(token if token[0] in "'\"" else re.sub(r"[^\n]", " ", token))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def check_evalscript(text: str) -> ScriptInfo:
    """What the script declares; :class:`EvalscriptProblem` when it cannot be sent."""
    if not text or not text.strip():
        raise EvalscriptProblem("The evalscript is empty.")
    code = _without_comments(text)
    setup = _defines(code, "setup")
    if setup is None:
        raise EvalscriptProblem(
            "The evalscript has no setup() function: it must declare its input bands and "
            "output in setup()."
        )
    if _defines(code, "evaluatePixel") is None:
        raise EvalscriptProblem(
            "The evalscript has no evaluatePixel() function: it must compute each pixel "
            "in evaluatePixel(sample)."
        )
    if not re.match(r"\s*//\s*VERSION\s*=\s*3\b", text):
        raise EvalscriptProblem("The evalscript must start with the line //VERSION=3.")
    returned = re.compile(r"\breturn\b\s*").search(code, setup.end())
    if returned is None:
        return ScriptInfo()
    try:
        literal = _Literal(code, returned.end())
        first = literal._next()
        if first != ("punct", "{"):
            return ScriptInfo()
        declared = literal.value(first)
    except _Unreadable:
        return ScriptInfo()
    return _info(declared)


def _info(declared: dict) -> ScriptInfo:
    inputs: list[str] = []
    raw_inputs = declared.get("input")
    for item in raw_inputs if isinstance(raw_inputs, list) else []:
        if isinstance(item, str):
            inputs.append(item)
        elif isinstance(item, dict) and isinstance(item.get("bands"), list):
            inputs.extend(str(b) for b in item["bands"])
    raw_output = declared.get("output")
    raw_outputs = raw_output if isinstance(raw_output, list) else [raw_output]
    outputs = [_output(o) for o in raw_outputs if isinstance(o, dict)]
    ids = [o.id for o in outputs]
    if len(set(ids)) != len(ids):
        raise EvalscriptProblem("The outputs of setup() need different ids.")
    chosen = next((o for o in outputs if o.id == "default"), outputs[0] if outputs else None)
    mosaicking = str(declared.get("mosaicking") or "SIMPLE").upper()
    if chosen is None:
        return ScriptInfo(tuple(inputs), mosaicking=mosaicking)
    return ScriptInfo(
        tuple(inputs),
        chosen.bands,
        chosen.sample_type,
        chosen.nodata,
        chosen.id,
        mosaicking,
        tuple(outputs),
    )


def _output(raw: dict) -> OutputInfo:
    bands = raw.get("bands")
    sample_type = str(raw.get("sampleType") or "AUTO").upper()
    if isinstance(bands, bool) or not isinstance(bands, int) or bands < 1:
        bands = 0
    if sample_type not in SAMPLE_TYPES:
        raise EvalscriptProblem(
            f"Unknown sampleType {raw.get('sampleType')!r} in setup(); use one of "
            + ", ".join(SAMPLE_TYPES)
            + "."
        )
    nodata = raw.get("nodataValue")
    if isinstance(nodata, bool) or not isinstance(nodata, (int, float)):
        nodata = None
    return OutputInfo(
        str(raw.get("id", "default")), bands, sample_type, None if nodata is None else float(nodata)
    )


# -- presets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    id: str
    title: str
    file: Path
    style: str = "grey"
    collections: tuple[str, ...] = field(default_factory=tuple)

    def text(self) -> str:
        return self.file.read_text(encoding="utf-8")

    def info(self) -> ScriptInfo:
        return check_evalscript(self.text())

    def suits(self, collection: str) -> bool:
        return not self.collections or collection in self.collections


def load_presets(folder: Path = PRESETS_DIR) -> list[Preset]:
    """The presets of ``folder/index.json``, in its order."""
    document = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    presets = []
    for entry in document.get("presets", []):
        presets.append(
            Preset(
                id=str(entry["id"]),
                title=str(entry.get("title") or entry["id"]),
                file=folder / str(entry["file"]),
                style=str(entry.get("style") or "grey"),
                collections=tuple(entry.get("collections") or ()),
            )
        )
    return presets


def find_preset(preset_id: str, presets: Optional[list[Preset]] = None) -> Optional[Preset]:
    for preset in presets if presets is not None else load_presets():
        if preset.id == preset_id:
            return preset
    return None


def default_preset(collection: str, presets: Optional[list[Preset]] = None) -> Optional[Preset]:
    """The first preset made for ``collection``, or None."""
    for preset in presets if presets is not None else load_presets():
        if collection in preset.collections:
            return preset
    return None


def guess_style(info: ScriptInfo | OutputInfo) -> str:
    """A style for a script (or one of its outputs) that is not a preset: RGB for 3+ byte bands,
    else grey."""
    if info.bands >= 3 and info.sample_type in ("AUTO", "UINT8"):
        return "rgb"
    return "grey"
