"""The Process dock's time-series engine inside the real QGIS application, against the
sandbox's Statistical API: three selected fields, one request each, charted by month."""

from __future__ import annotations

import json

import pytest

from .expected import assert_picture


@pytest.mark.flow("statistics_dock_picture")
def test_statistics_dock_picture(app_run, sandbox):
    """Monthly NDVI of 2024 for three fields in Thuringia: one request per field answered
    by the sandbox, every month in the chart, gaps where the sandbox has no scene or clouds
    cover the field."""
    data = app_run["statistics_dock_picture"].check()
    assert data["error"] == "", data
    assert data["preset"] == "ndvi_statistics"  # the engine took the dataMask version
    server = sandbox["servers"]["accounts"].process
    # this flow's requests: the year 2024 (other flows share the server)
    answered = [
        r
        for r in server.requests
        if r["path"] == "/api/v1/statistics" and "2024-12-31" in json.dumps(r["json"])
    ]
    assert len(answered) == data["requests"] == 3
    assert all(r.get("status") == 200 for r in answered)
    assert set(data["series"]) == {"Field A", "Field B", "Field C"}
    for points in data["series"].values():
        assert [day[:7] for day, _mean in points] == [f"2024-{m:02d}" for m in range(1, 13)]
        # months without a scene are gaps; so is a month whose scene clouds the field over
        months = [day[5:7] for day, mean in points if mean is not None]
        assert set(months) <= {"01", "02", "04", "06", "07", "08", "09"} and len(months) >= 3
    assert data["table_rows"] == 3 * 7
    assert_picture(data["screenshot"])
    assert_picture(data["options_screenshot"])
    assert data["layout"]["sideways"] == 0, data["layout"]  # fits a laptop's dock


@pytest.mark.flow("statistics_batch")
def test_time_series_of_many_fields_through_batch_statistical(app_run, sandbox):
    """Three selected fields and a bucket folder: one Batch Statistical request, which the
    sandbox's Sentinel Hub runs to DONE into its bucket with its IAM role (no key sent); the
    series read back from the bucket fill the chart and the table."""
    data = app_run["statistics_batch"].check()
    assert data["error"] == "", data
    assert "one Batch Statistical request" in data["estimate"], data["estimate"]
    server = sandbox["servers"]["accounts"].process
    created = [
        r
        for r in server.requests
        if r["path"].rstrip("/") == "/api/v1/statistics/batch"
        and r["method"] == "POST"
        and "2024-09-30" in json.dumps(r["json"])  # this flow's (June to September)
    ]
    assert len(created) == 1 and created[0]["status"] == 201
    body = created[0]["json"]
    assert body["input"]["features"]["s3"]["iamRoleARN"].endswith("role/eo-explorer-sandbox")
    assert "accessKey" not in json.dumps(body) and "secretAccessKey" not in json.dumps(body)
    assert all(t.status == "DONE" for t in server.batch_tasks.values())
    assert set(data["series"]) == {"Field A", "Field B", "Field C"}
    for points in data["series"].values():
        assert [day[:7] for day, _mean in points] == ["2024-06", "2024-07", "2024-08", "2024-09"]
        assert any(mean is not None for _day, mean in points)
    assert data["table_rows"] >= 3
    assert data["layout"]["sideways"] == 0, data["layout"]
