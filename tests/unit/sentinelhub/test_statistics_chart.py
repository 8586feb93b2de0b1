"""The time-series chart's geometry, without a widget: every interval of the request is a
point (gaps where the answer has no data, an error, or only masked pixels), the line is cut
at the gaps, the band is the percentiles (or mean ± stDev), and the axes get round ticks."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone

import pytest

from eo_explorer.plugin.api.statistical import intervals_of, parse_response
from eo_explorer.plugin.sentinelhub.statistics import (
    nice_ticks,
    scale,
    segments,
    series_json,
    series_points,
    value_range,
)

UTC = timezone.utc


def stats(mean, st_dev=0.1, samples=100, no_data=0, p=None):
    s = {"min": mean - 0.3, "max": mean + 0.3, "mean": mean, "stDev": st_dev,
         "sampleCount": samples, "noDataCount": no_data}  # fmt: skip
    if p:
        s["percentiles"] = {str(k): v for k, v in p.items()}
    return {"bands": {"B0": {"stats": s}}}


def answer(*entries):
    return parse_response(
        {
            "data": [
                {"interval": {"from": a, "to": b}, **({"outputs": {"ndvi": o}} if o else {}), **e}
                for a, b, o, e in entries
            ]
        }
    )


JUNE = intervals_of(datetime(2024, 6, 1, tzinfo=UTC), datetime(2024, 7, 1, tzinfo=UTC), "P10D")


def test_every_interval_is_a_point_and_missing_ones_are_gaps():
    result = answer(
        ("2024-06-01T00:00:00Z", "2024-06-11T00:00:00Z", stats(0.4), {}),
        ("2024-06-21T00:00:00Z", "2024-07-01T00:00:00Z", stats(0.6), {}),
    )
    points = series_points(result, "ndvi", "B0", JUNE)
    assert [p.start.day for p in points] == [1, 11, 21]
    assert [p.mean for p in points] == [0.4, None, 0.6]
    assert segments([p.mean for p in points]) == [[0], [2]]


def test_masked_intervals_and_errors_are_gaps_too():
    result = answer(
        (
            "2024-06-01T00:00:00Z",
            "2024-06-11T00:00:00Z",
            stats(math.nan, samples=50, no_data=50),
            {},
        ),
        ("2024-06-11T00:00:00Z", "2024-06-21T00:00:00Z", None, {"error": {"type": "TIMEOUT"}}),
        ("2024-06-21T00:00:00Z", "2024-07-01T00:00:00Z", stats(0.6), {}),
    )
    points = series_points(result, "ndvi", "B0", JUNE)
    assert [p.mean for p in points] == [None, None, 0.6]
    assert "ran out of time" in points[1].error


def test_segments_cut_at_gaps_and_nan():
    assert segments([1.0, 2.0, None, 3.0, math.nan, 4.0, 5.0]) == [[0, 1], [3], [5, 6]]
    assert segments([]) == [] and segments([None, None]) == []


def test_the_band_is_the_percentiles_else_mean_plus_minus_st_dev():
    result = answer(
        (
            "2024-06-01T00:00:00Z",
            "2024-06-11T00:00:00Z",
            stats(0.5, 0.1, p={0.1: 0.2, 0.9: 0.7}),
            {},
        ),
        ("2024-06-11T00:00:00Z", "2024-06-21T00:00:00Z", stats(0.4, 0.05), {}),
    )
    with_p, without_p = series_points(result, "ndvi", "B0", JUNE[:2])
    assert with_p.band((0.1, 0.9)) == (0.2, 0.7)
    assert with_p.band(None) == pytest.approx((0.4, 0.6))
    assert without_p.band((0.1, 0.9)) == pytest.approx((0.35, 0.45))  # none asked: stDev


def test_the_value_range_holds_every_band_with_a_margin():
    result = answer(
        ("2024-06-01T00:00:00Z", "2024-06-11T00:00:00Z", stats(0.5, p={0.1: 0.0, 0.9: 1.0}), {}),
    )
    points = series_points(result, "ndvi", "B0", JUNE)
    low, high = value_range([points], (0.1, 0.9))
    assert low == pytest.approx(-0.05) and high == pytest.approx(1.05)
    assert value_range([[]], None) == (0.0, 1.0)


def test_scale_maps_values_to_pixels_upside_down_for_y():
    assert scale(0.0, (0.0, 1.0), (300.0, 20.0)) == 300.0
    assert scale(1.0, (0.0, 1.0), (300.0, 20.0)) == 20.0
    assert scale(0.5, (0.0, 1.0), (300.0, 20.0)) == 160.0
    assert scale(3.0, (2.0, 2.0), (0.0, 10.0)) == 5.0  # a flat range: the middle


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (0.0, 1.0, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        (-0.33, 0.87, [-0.2, 0.0, 0.2, 0.4, 0.6, 0.8]),
        (120.0, 980.0, [200.0, 400.0, 600.0, 800.0]),
    ],
)
def test_ticks_are_round(low, high, expected):
    assert nice_ticks(low, high) == pytest.approx(expected)


def test_the_series_as_json_keeps_intervals_with_data():
    result = answer(
        (
            "2024-06-01T00:00:00Z",
            "2024-06-11T00:00:00Z",
            stats(0.4, p={0.1: 0.1, 0.5: 0.4, 0.9: 0.7}),
            {},
        ),
    )
    points = series_points(result, "ndvi", "B0", JUNE)
    document = json.loads(series_json(points, (0.1, 0.5, 0.9)))
    assert document == [
        {"from": "2024-06-01T00:00:00Z", "to": "2024-06-11T00:00:00Z", "mean": 0.4,
         "stDev": 0.1, "min": pytest.approx(0.1), "max": pytest.approx(0.7), "p10": 0.1,
         "p50": 0.4, "p90": 0.7, "sampleCount": 100, "noDataCount": 0}
    ]  # fmt: skip
