"""A plain-text table: measure, median of the runs, every run, target, verdict."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

LABEL_WIDTH = 64


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value * 1000:.0f} ms"
    if unit == "x":
        return f"{value:.2f}x"
    if unit == "%":
        return f"{value:.0f} %"
    if unit == "n":
        return f"{value:.0f}"
    if unit == "MB":
        return f"{value / 1e6:.0f} MB"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value:g}"


def _short(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f}"
    if unit == "ms":
        return f"{value * 1000:.0f}"
    if unit == "x":
        return f"{value:.2f}"
    if unit == "MB":
        return f"{value / 1e6:.0f}"
    return f"{value:.0f}"


@dataclass
class Target:
    """``value < limit`` or ``value <= limit`` (``inclusive``), shown as e.g. ``<= 1.00x``."""

    limit: float
    unit: str
    inclusive: bool = True

    def text(self) -> str:
        return ("<= " if self.inclusive else "< ") + fmt(self.limit, self.unit)

    def met(self, value: float) -> bool:
        return value <= self.limit if self.inclusive else value < self.limit


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.verdicts: list[tuple[str, bool]] = []

    def title(self, text: str) -> None:
        self.lines.append("")
        self.lines.append(text)
        self.lines.append("-" * len(text))

    def note(self, text: str) -> None:
        self.lines.append(text)

    def header(self) -> None:
        self.lines.append(
            f"{'measure':<{LABEL_WIDTH}} {'median':>10}  {'runs':<22} {'target':<11} verdict"
        )

    def row(
        self,
        label: str,
        values: Sequence[float],
        unit: str,
        target: Target | None = None,
        verdict_label: str | None = None,
    ) -> float:
        median = statistics.median(values) if values else float("nan")
        runs = " ".join(_short(v, unit) for v in values)
        target_text = target.text() if target else ""
        verdict = ""
        if target:
            ok = target.met(median)
            verdict = "meets target" if ok else "misses target"
            self.verdicts.append((verdict_label or label.strip(), ok))
        self.lines.append(
            f"{label:<{LABEL_WIDTH}} {fmt(median, unit):>10}  {runs:<22} {target_text:<11} "
            f"{verdict}".rstrip()
        )
        return median

    def text(self) -> str:
        return "\n".join(self.lines)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def ratios(top: Sequence[float], bottom: Sequence[float]) -> list[float]:
    """Per-run ratios (runs are interleaved, so run i of each side saw the same load)."""
    return [a / b for a, b in zip(top, bottom) if b]
