"""Statistical API (seed 001 StatisticalRequest / StatisticalResponse): the request body,
its checks, the parsed answer, the CSV, and the client against the local
StatisticalApiServer, whose numbers are the statistics of the sandbox scenes' pixels."""

from __future__ import annotations

import csv
import io
import math
from datetime import datetime, timezone

import numpy as np
import pytest
import requests

from eo_explorer.plugin.api.accounts import Credentials, request_auth
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from eo_explorer.plugin.api.process_client import ProcessClient, ProcessError
from eo_explorer.plugin.api.statistical import (
    DATA_MASK_MISSING,
    NO_INTERVALS,
    Histogram,
    StatisticalClient,
    StatisticalProblem,
    StatisticalRequest,
    csv_rows,
    csv_text,
    declares_data_mask,
    intervals_of,
    parse_duration,
    parse_response,
)
from tests.servers.common.token_server import TokenServer
from tests.servers.sandbox.assets import sandbox_items
from tests.servers.sentinelhub.request import validate
from tests.servers.sentinelhub.scenes import SandboxScenes, javascript_available
from tests.servers.sentinelhub.statistical_server import StatisticalApiServer

UTC = timezone.utc
JUNE = (datetime(2024, 6, 1, tzinfo=UTC), datetime(2024, 7, 1, tzinfo=UTC))
AREA = (11.0, 46.8, 13.0, 48.0)  # lon/lat: Sentinel-2 scenes of June 2024
SECRET = "stat-client-secret"
NDVI = """//VERSION=3
function setup() {
  return {
    input: [{bands: ["B04", "B08", "dataMask"]}],
    output: [{id: "ndvi", bands: 1, sampleType: "FLOAT32"}, {id: "dataMask", bands: 1}]
  };
}
function evaluatePixel(s) {
  return {ndvi: [(s.B08 - s.B04) / (s.B08 + s.B04)], dataMask: [s.dataMask]};
}
"""
NO_MASK = """//VERSION=3
function setup() {
  return {input: ["B04", "B08"], output: {id: "ndvi", bands: 1, sampleType: "FLOAT32"}};
}
function evaluatePixel(s) { return [(s.B08 - s.B04) / (s.B08 + s.B04)]; }
"""
STOPPED_OUT_OF_PU = "Stopped: the account ran out of processing units."
THROWS = NDVI.replace("return {ndvi", 'throw new Error("no"); return {ndvi')

needs_js = pytest.mark.skipif(not javascript_available(), reason="mini-racer not installed")


def stat_request(**changes) -> StatisticalRequest:
    values = dict(
        bbox=AREA,
        epsg=4326,
        data=({"type": "sentinel-2-l2a", "dataFilter": {"mosaickingOrder": "mostRecent"}},),
        start=JUNE[0],
        end=JUNE[1],
        interval="P10D",
        evalscript=NDVI,
        size=(200, 150),
        percentiles=(0.1, 0.5, 0.9),
        output="ndvi",
    )
    values.update(changes)
    return StatisticalRequest(**values)


# -- the request ----------------------------------------------------------------------------


def test_the_body_has_the_shape_of_seed_001():
    body = stat_request(
        last_interval="SHORTEN", histograms={"default": Histogram(n_bins=4, low_edge=-1.0)}
    ).body()
    assert body == {
        "input": {
            "bounds": {
                "properties": {"crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
                "bbox": [11.0, 46.8, 13.0, 48.0],
            },
            "data": [{"type": "sentinel-2-l2a", "dataFilter": {"mosaickingOrder": "mostRecent"}}],
        },
        "aggregation": {
            "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-07-01T00:00:00Z"},
            "aggregationInterval": {"of": "P10D", "lastIntervalBehavior": "SHORTEN"},
            "width": 200,
            "height": 150,
            "evalscript": NDVI,
        },
        "calculations": {
            "ndvi": {
                "histograms": {"default": {"nBins": 4, "lowEdge": -1.0}},
                "statistics": {"default": {"percentiles": {"k": [0.1, 0.5, 0.9]}}},
            }
        },
    }


def test_resolution_and_geometry_in_a_projected_crs():
    polygon = {
        "type": "Polygon",
        "coordinates": [
            [[500000, 5200000], [501000, 5200000], [500500, 5201000], [500000, 5200000]]
        ],
    }
    body = stat_request(
        bbox=None, geometry=polygon, epsg=32633, size=None, resolution=(10.0, 10.0), percentiles=()
    ).body()
    assert body["input"]["bounds"] == {
        "properties": {"crs": "http://www.opengis.net/def/crs/EPSG/0/32633"},
        "geometry": polygon,
    }
    assert (body["aggregation"]["resx"], body["aggregation"]["resy"]) == (10.0, 10.0)
    assert "width" not in body["aggregation"] and "calculations" not in body


@pytest.mark.parametrize(
    ("text", "months", "days", "seconds"),
    [("P1D", 0, 1, 0), ("P5D", 0, 5, 0), ("P10D", 0, 10, 0), ("P1W", 0, 7, 0), ("P1M", 1, 0, 0)]
    + [("P1Y", 12, 0, 0), ("PT12H", 0, 0, 43200)],
)
def test_aggregation_intervals_are_iso_8601_durations(text, months, days, seconds):
    d = parse_duration(text)
    assert (d.months, d.days, d.seconds) == (months, days, seconds)


@pytest.mark.parametrize("text", ["1D", "P", "PT", "P1.5D", "P0D", "daily", "", None, "P1DT"])
def test_a_bad_interval_is_refused_with_a_sentence(text):
    with pytest.raises(StatisticalProblem, match="ISO 8601 duration|zero long"):
        parse_duration(text)


def test_intervals_skip_shorten_extend_and_calendar_months():
    start, end = JUNE
    assert [a.day for a, _ in intervals_of(start, end, "P10D")] == [1, 11, 21]
    assert len(intervals_of(start, end, "P7D")) == 4  # SKIP: the 2 days left are dropped
    shortened = intervals_of(start, end, "P7D", "SHORTEN")
    assert shortened[-1] == (datetime(2024, 6, 29, tzinfo=UTC), end)
    extended = intervals_of(start, end, "P7D", "EXTEND")
    assert extended[-1][1] == datetime(2024, 7, 6, tzinfo=UTC)
    jan = datetime(2024, 1, 31, tzinfo=UTC)
    months = intervals_of(jan, datetime(2024, 5, 1, tzinfo=UTC), "P1M")
    assert [b.date().isoformat() for _, b in months] == ["2024-02-29", "2024-03-31", "2024-04-30"]


@pytest.mark.parametrize(
    ("changes", "sentence"),
    [
        ({"evalscript": NO_MASK}, "no output with id dataMask"),
        ({"interval": "10 days"}, "not an ISO 8601 duration"),
        ({"size": (2501, 100)}, "larger than the 2500 x 2500"),
        ({"size": None, "resolution": (0.0001, 0.0001)}, "20000 x 12000 pixels"),
        ({"resolution": (10.0, 10.0)}, "not both and not neither"),
        ({"percentiles": (50.0,)}, "fractions between 0 and 1"),
        ({"last_interval": "DROP"}, "lastIntervalBehavior 'DROP'"),
        ({"start": JUNE[1], "end": JUNE[0]}, "must end after it starts"),
    ],
)
def test_what_the_service_would_refuse_is_said_before_sending(changes, sentence):
    req = stat_request(**changes)
    assert any(sentence in p for p in req.problems()), req.problems()
    with pytest.raises(StatisticalProblem):
        req.body()


def test_the_data_mask_sentence_says_why():
    assert declares_data_mask(NDVI) is True
    assert declares_data_mask(NO_MASK) is False
    assert "which pixels count" in DATA_MASK_MISSING and "counted as no data" in DATA_MASK_MISSING


# -- the answer -----------------------------------------------------------------------------


def test_parse_the_seed_example_and_interval_errors():
    document = {
        "data": [
            {
                "interval": {"from": "2019-08-24T00:00:00Z", "to": "2019-08-25T00:00:00Z"},
                "outputs": {
                    "output name1": {
                        "bands": {
                            "band name1": {
                                "histogram": {
                                    "overflow": 1,
                                    "underflow": 2,
                                    "bins": [{"lowEdge": 0, "highEdge": 1, "count": 5}],
                                },
                                "stats": {
                                    "min": 0,
                                    "max": 2,
                                    "mean": 1,
                                    "stDev": 0.5,
                                    "sampleCount": 10,
                                    "noDataCount": 3,
                                    "percentiles": {"0.5": 1.1, "90.0": 1.9},
                                },
                            }
                        }
                    },
                    "dataMask": {"bands": {"B0": {"stats": {"min": 0, "max": 1}}}},
                },
            },
            {
                "interval": {"from": "2019-08-25T00:00:00Z", "to": "2019-08-26T00:00:00Z"},
                "outputs": {"o": {"bands": {"B0": {"stats": {"mean": "NaN", "sampleCount": 4}}}}},
            },
            {
                "interval": {"from": "2019-08-26T00:00:00Z", "to": "2019-08-27T00:00:00Z"},
                "error": {"type": "EXECUTION_ERROR"},
            },
        ]
    }
    result = parse_response(document)
    first = result.intervals[0].outputs["output name1"]["band name1"]
    assert (first.min, first.max, first.mean, first.st_dev) == (0, 2, 1, 0.5)
    assert (first.sample_count, first.no_data_count) == (10, 3)
    assert first.percentile(0.5) == 1.1 and first.percentile(0.9) == 1.9  # percent keys too
    assert first.histogram.bins[0].count == 5 and first.histogram.overflow == 1
    assert math.isnan(result.intervals[1].outputs["o"]["B0"].mean)
    assert [i.error.type for i in result.errors] == ["EXECUTION_ERROR"]
    assert result.series("output name1", "band name1") == [("2019-08-24T00:00:00Z", 1.0)]
    rows = csv_rows(result, (0.1, 0.5, 0.9))
    assert rows[0] == [
        "interval_from", "interval_to", "output", "band", "mean", "stDev", "min", "max",
        "p10", "p50", "p90", "sampleCount", "noDataCount", "error",
    ]  # fmt: skip
    assert rows[1] == [
        "2019-08-24T00:00:00Z", "2019-08-25T00:00:00Z", "output name1", "band name1",
        1.0, 0.5, 0.0, 2.0, "", 1.1, 1.9, 10, 3, "",
    ]  # fmt: skip
    assert rows[2][4] == "" and rows[2][11] == 4  # NaN mean: an empty cell
    assert rows[3][:2] == ["2019-08-26T00:00:00Z", "2019-08-27T00:00:00Z"]
    assert rows[3][-1].startswith("No statistics: the evalscript failed")
    assert len(rows) == 4  # the dataMask output is not a row


def test_an_answer_without_data_is_invalid():
    from eo_explorer.plugin.api.errors import InvalidResponse

    with pytest.raises(InvalidResponse):
        parse_response({"error": {"status": 400}})


# -- against the local server ---------------------------------------------------------------


@pytest.fixture(scope="module")
def scenes():
    return SandboxScenes(sandbox_items())


@pytest.fixture(scope="module")
def keycloak():
    with TokenServer(clients={"sh-client": SECRET}) as server:
        yield server


@pytest.fixture()
def server(scenes, keycloak):
    with StatisticalApiServer(
        scenes=scenes,
        token_check=lambda h: keycloak.is_valid(h.get("Authorization", "")[7:]),
    ) as sh:
        yield sh


def client_for(server, keycloak, **kw) -> StatisticalClient:
    http = HttpClient(settings=HttpSettings(retries=0))
    auth = request_auth(
        Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url), http
    )
    process = ProcessClient(http.with_auth(auth, server.url), server.url + "api/v1/process", **kw)
    return StatisticalClient.for_endpoint(process, server.url)


def ndvi_of_scenes(scenes, start: str, end: str) -> np.ndarray:
    """The NDVI of the valid pixels, computed here with numpy from the scenes' bands."""
    TR = {"from": start, "to": end}  # noqa: N806
    TIFF = {"identifier": "ndvi", "format": {"type": "image/tiff"}}  # noqa: N806
    req = validate(
        {
            "input": {
                "bounds": {"bbox": list(AREA)},
                "data": [{"type": "sentinel-2-l2a", "dataFilter": {"timeRange": TR}}],
            },
            "output": {"width": 200, "height": 150, "responses": [TIFF]},
            "evalscript": NDVI,
        }
    )  # fmt: skip
    bands = scenes.bands(req, req.data[0], ["B04", "B08", "dataMask"])
    with np.errstate(invalid="ignore"):  # 0 / 0 where there is no scene
        ndvi = ((bands["B08"] - bands["B04"]) / (bands["B08"] + bands["B04"])).astype(np.float32)
    return ndvi[bands["dataMask"] != 0].astype(np.float64)


@needs_js
def test_the_series_are_the_statistics_of_the_scene_pixels(server, keycloak, scenes):
    result = client_for(server, keycloak).statistics(stat_request())
    sent = server.requests[-1]
    assert sent["path"] == "/api/v1/statistics"
    assert sent["headers"]["Authorization"].startswith("Bearer ")
    assert sent["headers"]["Accept"] == "application/json"
    assert sent["json"] == stat_request().body()
    # P10D over June: 1-11 and 21-1 hold scenes; 11-21 has none and is left out
    assert [(i.start, i.end) for i in result.intervals] == [
        ("2024-06-01T00:00:00Z", "2024-06-11T00:00:00Z"),
        ("2024-06-21T00:00:00Z", "2024-07-01T00:00:00Z"),
    ]
    for interval in result.intervals:
        stats = interval.outputs["ndvi"]["B0"]
        values = ndvi_of_scenes(scenes, interval.start, interval.end)
        assert stats.sample_count == 200 * 150
        assert stats.no_data_count == 200 * 150 - values.size
        assert stats.mean == pytest.approx(values.mean(), rel=1e-9)
        assert stats.st_dev == pytest.approx(values.std(ddof=1), rel=1e-9)
        assert (stats.min, stats.max) == (values.min(), values.max())
        assert stats.percentile(0.5) == pytest.approx(np.quantile(values, 0.5))
    assert "dataMask" not in result.intervals[0].outputs
    rows = list(csv.reader(io.StringIO(csv_text(result, (0.1, 0.5, 0.9)))))
    assert rows[0][8:11] == ["p10", "p50", "p90"]
    assert [r[:4] for r in rows[1:]] == [
        ["2024-06-01T00:00:00Z", "2024-06-11T00:00:00Z", "ndvi", "B0"],
        ["2024-06-21T00:00:00Z", "2024-07-01T00:00:00Z", "ndvi", "B0"],
    ]
    assert float(rows[1][4]) == result.intervals[0].outputs["ndvi"]["B0"].mean


@needs_js
def test_a_polygon_counts_the_pixels_outside_as_no_data(server, keycloak, scenes):
    x0, y0, x1, y1 = AREA
    triangle = {
        "type": "Polygon",
        "coordinates": [[[x0, y0], [x1, y0], [x0, y1], [x0, y0]]],
    }
    whole = client_for(server, keycloak).statistics(stat_request(interval="P30D"))
    half = client_for(server, keycloak).statistics(stat_request(interval="P30D", geometry=triangle))
    a, b = whole.intervals[0].outputs["ndvi"]["B0"], half.intervals[0].outputs["ndvi"]["B0"]
    assert a.sample_count == b.sample_count
    assert b.no_data_count > a.no_data_count + 0.4 * (a.sample_count - a.no_data_count)


def test_a_time_range_without_scenes_is_an_empty_series(server, keycloak):
    years_before = stat_request(
        start=datetime(2019, 6, 1, tzinfo=UTC), end=datetime(2019, 7, 1, tzinfo=UTC)
    )
    result = client_for(server, keycloak).statistics(years_before)
    assert result.empty and result.intervals == ()
    assert csv_rows(result) == [csv_rows(result)[0]]  # the header only
    assert "only intervals where data is available" in NO_INTERVALS


@needs_js
def test_an_interval_whose_evalscript_fails_carries_an_error(server, keycloak):
    result = client_for(server, keycloak).statistics(stat_request(evalscript=THROWS))
    assert [i.error.type for i in result.intervals] == ["EXECUTION_ERROR"] * 2
    assert csv_rows(result)[1][-1].startswith("No statistics: the evalscript failed")


def _post(server, keycloak, body, token=True):
    headers = {}
    if token:
        answer = requests.post(
            keycloak.token_url,
            data={"grant_type": "client_credentials", "client_id": "sh-client"}
            | {"client_secret": SECRET},
            timeout=10,
        )
        headers["Authorization"] = "Bearer " + answer.json()["access_token"]
    return requests.post(server.statistics_url, json=body, headers=headers, timeout=30)


def _without(body: dict, *path: str) -> dict:
    import copy

    body = copy.deepcopy(body)
    node = body
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return body


REFUSALS = [
    (lambda b: _without(b, "aggregation"), "aggregation", "`aggregation` must be specified."),
    (
        lambda b: _without(b, "aggregation", "aggregationInterval"),
        "aggregation->aggregationInterval",
        "`aggregation.aggregationInterval` with `of` must be specified.",
    ),
    (
        lambda b: {**b, "aggregation": {**b["aggregation"], "aggregationInterval": {"of": "10D"}}},
        "aggregation->aggregationInterval->of",
        "Invalid aggregation interval '10D': it must be an ISO 8601 duration such as P1D, "
        "P10D or P1M.",
    ),
    (
        lambda b: {**b, "aggregation": {**b["aggregation"], "evalscript": NO_MASK}},
        "aggregation->evalscript",
        "The evalscript has no output with id `dataMask`: the Statistical API uses it to tell "
        "which pixels are taken into account.",
    ),
    (
        lambda b: {**b, "aggregation": {**b["aggregation"], "width": 2501}},
        "aggregation->width",
        "`width = 2501` is larger than allowed 2500.",
    ),
    (
        lambda b: {
            **b,
            "aggregation": {
                **_without(b, "aggregation", "width")["aggregation"],
                "resx": 0.0001,
                "resy": 0.0001,
            },
        },
        "aggregation",
        'Only one pair of parameters "width"/"height" or "resx"/"resy" must be set at the '
        "same time.",
    ),
    (
        lambda b: {
            **b,
            "aggregation": {
                **_without(_without(b, "aggregation", "width"), "aggregation", "height")[
                    "aggregation"
                ],
                "resx": 0.0001,
                "resy": 0.0001,
            },
        },
        "aggregation->resx",
        "`width = 20000`, calculated from resx, is larger than allowed 2500.",
    ),
    (
        lambda b: {
            **b,
            "calculations": {"ndvi": {"statistics": {"default": {"percentiles": {"k": [50]}}}}},
        },
        "calculations->ndvi->statistics->default->percentiles->k",
        "Percentiles `k` must be an array of numbers between 0 and 1.",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("change", "parameter", "violation"), REFUSALS)
def test_the_server_refuses_what_the_service_refuses(
    server, keycloak, change, parameter, violation
):
    answer = _post(server, keycloak, change(stat_request().body()))
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert (error["status"], error["reason"], error["code"]) == (
        400,
        "Bad Request",
        "COMMON_BAD_PAYLOAD",
    )
    assert error["errors"] == [{"parameter": parameter, "violation": violation}]
    assert error["message"] == violation + "\n"


def test_without_a_token_the_answer_is_401(server, keycloak):
    answer = _post(server, keycloak, stat_request().body(), token=False)
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "COMMON_UNAUTHORIZED"


def test_the_client_reports_a_refusal_as_a_sentence(server, keycloak):
    body = stat_request().body()
    body["aggregation"]["width"] = 2501
    with pytest.raises(ProcessError) as raised:
        client_for(server, keycloak).statistics(body)
    assert raised.value.status == 400
    assert str(raised.value).startswith(
        f"127.0.0.1:{server.port} refused the request (HTTP 400 COMMON_BAD_PAYLOAD): "
        "`width = 2501` is larger than allowed 2500."
    )


@needs_js
def test_the_client_waits_out_a_rate_limit(scenes, keycloak):
    waits = []
    with StatisticalApiServer(scenes=scenes, rate_limit=1, rate_window=1.0) as sh:
        requests.post(sh.statistics_url, json={}, timeout=10)  # uses up the window: 400
        client = client_for(sh, keycloak, on_wait=waits.append)
        client.statistics(stat_request(interval="P30D", percentiles=()))
        statuses = [r["status"] for r in sh.requests if r["path"] == "/api/v1/statistics"]
    assert statuses == [400, 429, 200]
    assert len(waits) == 1 and 0 < waits[0] <= 1.0  # Retry-After in milliseconds


# -- from the Process form, and Batch Statistical -------------------------------------------


def test_a_request_from_the_process_form_options():
    from eo_explorer.plugin.api.process import ProcessOptions

    opts = ProcessOptions(
        collection="sentinel-2-l2a",
        start=JUNE[0],
        end=JUNE[1],
        evalscript=NDVI,
        mosaicking_order="leastCC",
        max_cloud_coverage=30,
    )
    body = StatisticalRequest.from_options(opts, "P1D", bbox=AREA, size=(200, 150)).body()
    assert body["input"]["data"] == [
        {
            "type": "sentinel-2-l2a",
            "dataFilter": {
                "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-07-01T00:00:00Z"},
                "mosaickingOrder": "leastCC",
                "maxCloudCoverage": 30.0,
            },
        }
    ]
    assert body["aggregation"]["aggregationInterval"] == {"of": "P1D"}
    assert body["aggregation"]["timeRange"] == body["input"]["data"][0]["dataFilter"]["timeRange"]


def test_the_batch_statistical_body_has_the_shape_of_seed_001():
    from eo_explorer.plugin.api.batch_statistical import BatchStatisticalRequest, S3Location

    batch = BatchStatisticalRequest(
        features=S3Location("s3://bucket/fields.gpkg", "AK", "SK"),
        output=S3Location(
            "s3://bucket/out/<REQUEST_ID>/<ID>.json", iam_role_arn="arn:r", region="eu-central-1"
        ),
        statistics=stat_request(bbox=None, size=None, resolution=(10.0, 10.0), percentiles=(0.5,)),
    )
    body = batch.body()
    assert body == {
        "input": {
            "features": {
                "s3": {"url": "s3://bucket/fields.gpkg", "accessKey": "AK", "secretAccessKey": "SK"}
            },
            "data": [{"type": "sentinel-2-l2a", "dataFilter": {"mosaickingOrder": "mostRecent"}}],
        },
        "aggregation": {
            "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-07-01T00:00:00Z"},
            "aggregationInterval": {"of": "P10D"},
            "resx": 10.0,
            "resy": 10.0,
            "evalscript": NDVI,
        },
        "calculations": {"ndvi": {"statistics": {"default": {"percentiles": {"k": [0.5]}}}}},
        "output": {
            "s3": {
                "url": "s3://bucket/out/<REQUEST_ID>/<ID>.json",
                "iamRoleARN": "arn:r",
                "region": "eu-central-1",
            }
        },
    }
    assert "SK" not in repr(batch)
    referenced = BatchStatisticalRequest(
        batch.features,
        S3Location("s3://bucket/out"),
        stat_request(bbox=None, evalscript=""),
        evalscript_reference=S3Location("s3://bucket/ndvi.js"),
    ).body()
    assert "evalscript" not in referenced["aggregation"]
    assert referenced["aggregation"]["evalscriptReference"] == {
        "s3": {"url": "s3://bucket/ndvi.js"}
    }


@pytest.mark.parametrize(
    ("url", "sentence"),
    [
        ("s3://bucket/out/<REQUEST_ID>.json", "must contain <ID> or <IDENTIFIER>"),
        ("s3://bucket/out/<NAME>.json", "<NAME>, which is not a placeholder"),
        ("https://bucket/out", "is not an S3 URL"),
    ],
)
def test_batch_output_locations_the_service_refuses(url, sentence):
    from eo_explorer.plugin.api.batch_statistical import BatchStatisticalRequest, S3Location

    batch = BatchStatisticalRequest(
        S3Location("s3://bucket/f.gpkg"), S3Location(url), stat_request(bbox=None)
    )
    assert any(sentence in p for p in batch.problems())
    with pytest.raises(StatisticalProblem):
        batch.body()


@pytest.mark.parametrize(
    ("document", "running", "waiting", "ended", "sentence"),
    [
        (
            {"id": "a", "status": "CREATED"},
            False,
            True,
            False,
            "Created: not analysed or started yet.",
        ),
        (
            {"id": "a", "status": "ANALYSIS_DONE"},
            False,
            True,
            False,
            "Analysed: waiting to be started.",
        ),
        (
            {"id": "a", "status": "PROCESSING", "completionPercentage": 40},
            True,
            False,
            False,
            "Processing (40 %).",
        ),
        ({"id": "a", "status": "DONE", "costPu": 12.5}, False, False, True, "Done. Cost: 12.5 PU."),
        (
            {"id": "a", "status": "FAILED", "error": "No features."},
            False,
            False,
            True,
            "Failed: No features.",
        ),
        (
            {"id": "a", "status": "STOPPED", "stoppedStatusReason": "OUT_OF_PU"},
            False,
            False,
            True,
            STOPPED_OUT_OF_PU,
        ),
        (
            {"id": "a", "status": "PARTIAL"},
            False,
            False,
            True,
            "Partly done: some features failed.",
        ),
    ],
)
def test_batch_statistical_states(document, running, waiting, ended, sentence):
    from eo_explorer.plugin.api.batch_statistical import parse_task

    task = parse_task({**document, "created": "2019-08-24T14:15:22Z"})
    assert (task.running, task.waiting, task.ended) == (running, waiting, ended)
    assert task.describe() == sentence
    assert task.created.year == 2019


def test_batch_statistical_urls():
    from eo_explorer.plugin.api.batch_statistical import STATUSES, batch_url

    base = "https://services.sentinel-hub.com/"
    assert batch_url(base) == "https://services.sentinel-hub.com/api/v1/statistics/batch"
    assert batch_url(base, "id1", "analyse").endswith("/api/v1/statistics/batch/id1/analyse")
    assert len(STATUSES) == 8
    with pytest.raises(ValueError):
        batch_url(base, "id1", "restart")
