"""The Batch Statistical client against the local server: the paths and statuses of seed
001, what the server refuses, the state machine, 403 for an account without the API, and
the keys left out of anything shown."""

from __future__ import annotations

import pytest
import requests

from eo_explorer.plugin.api.accounts import Credentials, request_auth
from eo_explorer.plugin.api.batch_statistical import STATUSES
from eo_explorer.plugin.api.batch_statistical_client import (
    NOT_ALLOWED,
    BatchStatisticalClient,
    BatchStatisticalNotAllowed,
    redacted,
)
from eo_explorer.plugin.api.http import HttpClient, HttpSettings
from eo_explorer.plugin.api.process_client import ProcessClient, ProcessError
from tests.servers.common.token_server import TokenServer
from tests.servers.sentinelhub.batch_statistical_server import (
    BatchStatisticalApiServer,
    Feature,
    output_key,
)

SECRET = "batch-client-secret"
SCRIPT = "//VERSION=3\nfunction setup() {return {input: ['B04', 'dataMask'], output: [{id: 'b', bands: 1}, {id: 'dataMask', bands: 1}]}}\nfunction evaluatePixel(s) {return {b: [s.B04], dataMask: [s.dataMask]}}"  # noqa: E501


def body(**changes):
    out = {
        "input": {
            "features": {"s3": {"url": "s3://bucket/f.gpkg", "iamRoleARN": "arn:role"}},
            "data": [{"type": "sentinel-2-l2a"}],
        },
        "aggregation": {
            "timeRange": {"from": "2024-06-01T00:00:00Z", "to": "2024-07-01T00:00:00Z"},
            "aggregationInterval": {"of": "P10D"},
            "resx": 10,
            "resy": 10,
            "evalscript": SCRIPT,
        },
        "output": {"s3": {"url": "s3://bucket/out", "iamRoleARN": "arn:role"}},
    }
    for path, value in changes.items():
        node = out
        *parents, last = path.split(".")
        for part in parents:
            node = node[part]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return out


@pytest.fixture(scope="module")
def keycloak():
    with TokenServer(clients={"sh-client": SECRET}) as server:
        yield server


@pytest.fixture()
def server(keycloak):
    with BatchStatisticalApiServer(
        token_check=lambda h: keycloak.is_valid(h.get("Authorization", "")[7:])
    ) as sh:
        yield sh


def client_for(server, keycloak) -> BatchStatisticalClient:
    http = HttpClient(settings=HttpSettings(retries=0))
    auth = request_auth(
        Credentials("sentinelhub", "sh-client", SECRET, token_url=keycloak.token_url), http
    )
    process = ProcessClient(http.with_auth(auth, server.url), server.url + "api/v1/process")
    return BatchStatisticalClient(process, server.url)


def test_create_get_status_and_actions_follow_the_seed(server, keycloak):
    client = client_for(server, keycloak)
    task = client.create(body())
    assert task.status == "CREATED" and task.user_action == "NONE"
    created = server.requests[-1]
    assert (created["method"], created["path"], created["status"]) == (
        "POST",
        "/api/v1/statistics/batch",
        201,
    )
    assert created["headers"]["Authorization"].startswith("Bearer ")
    assert client.get(task.id).request == body()
    client.analyse(task.id)
    assert server.requests[-1]["status"] == 204
    assert client.status(task.id).status == "ANALYSING"
    assert server.requests[-1]["path"] == f"/api/v1/statistics/batch/{task.id}/status"
    client.stop(task.id)
    stopped = client.status(task.id)
    assert (stopped.status, stopped.stopped_reason) == ("STOPPED", "USER_ACTION")
    assert "stopped by the user" in stopped.describe()
    assert client.get(task.id).user_action == "STOP"
    assert stopped.status in STATUSES


@pytest.mark.parametrize(
    ("changes", "parameter"),
    [
        ({"input.features": None}, "input->features"),
        ({"input.features.s3.url": "https://bucket/f.gpkg"}, "input->features->s3->url"),
        ({"input.data": []}, "input->data"),
        ({"aggregation.evalscript": None}, "aggregation->evalscript"),
        ({"aggregation.timeRange": None}, "aggregation->timeRange"),
        ({"aggregation.width": 100}, "aggregation"),
        ({"output": None}, "output"),
        ({"output.s3.url": "s3://bucket/<REQUEST_ID>/out.json"}, "output->s3->url"),
        ({"output.s3.url": "s3://bucket/<NAME>.json"}, "output->s3->url"),
    ],
)
def test_what_the_service_refuses_is_refused(server, keycloak, changes, parameter):
    with pytest.raises(ProcessError) as caught:
        client_for(server, keycloak).create(body(**changes))
    assert caught.value.status == 400
    assert server.requests[-1]["status"] == 400
    error = server.requests[-1]
    answer = requests.post(server.batch_url, json=body(**changes), headers={
        "Authorization": error["headers"]["Authorization"]
    })  # fmt: skip
    assert answer.json()["error"]["errors"][0]["parameter"] == parameter
    assert not server.batch_tasks


def test_unknown_ids_wrong_states_and_methods(server, keycloak):
    client = client_for(server, keycloak)
    with pytest.raises(ProcessError, match="does not know this batch statistical request"):
        client.status("0b6a3f0e-0000-4000-8000-000000000000")
    task = client.create(body())
    client.stop(task.id)
    with pytest.raises(ProcessError, match="HTTP 409"):
        client.stop(task.id)  # nothing runs any more
    with pytest.raises(ProcessError, match="HTTP 409"):
        client.analyse(task.id)  # only a CREATED request is analysed
    token = server.requests[-1]["headers"]["Authorization"]
    assert (
        requests.get(
            server.batch_url + f"/{task.id}/start", headers={"Authorization": token}
        ).status_code
        == 405
    )
    assert requests.get(server.batch_url + f"/{task.id}").status_code == 401


def test_start_before_analysis_analyses_first(server, keycloak):
    client = client_for(server, keycloak)
    task = client.create(body())
    client.start(task.id)
    assert client.status(task.id).status == "ANALYSING"
    server.advance(task.id)  # the service has no access to the bucket with this role
    failed = client.status(task.id)
    assert failed.status == "FAILED"
    assert "cannot assume the IAM role arn:role" in failed.describe()


def test_an_account_without_the_api_gets_a_sentence_to_fall_back(keycloak):
    with BatchStatisticalApiServer(allowed=False) as server:
        with pytest.raises(BatchStatisticalNotAllowed) as caught:
            client_for(server, keycloak).create(body())
    assert caught.value.status == 403
    assert str(caught.value) == NOT_ALLOWED


def test_keys_are_redacted():
    sent = body(**{"input.features.s3.accessKey": "AKIA1", "output.s3.secretAccessKey": "s3cr3t"})
    shown = redacted(sent)
    assert shown["input"]["features"]["s3"]["accessKey"] == "***"
    assert shown["output"]["s3"]["secretAccessKey"] == "***"
    assert "s3cr3t" not in str(shown) and "AKIA1" not in str(shown)
    assert sent["output"]["s3"]["secretAccessKey"] == "s3cr3t"  # the body is left as it is


def test_output_files_per_feature():
    feature = Feature(7, "field-7", {}, "")
    assert output_key("s3://b/out", "R", feature) == ("b", "out/R/7.json")
    assert output_key("s3://b/x/<REQUEST_ID>/<IDENTIFIER>.json", "R", feature) == (
        "b",
        "x/R/field-7.json",
    )


def test_a_stopped_request_starts_again_where_it_was(server, keycloak):
    client = client_for(server, keycloak)
    task = client.create(body())
    client.analyse(task.id)
    client.stop(task.id)  # during the analysis
    client.start(task.id)
    again = client.get(task.id)
    assert (again.status, again.user_action, again.stopped_reason) == ("ANALYSING", "START", "")
    assert server.batch_tasks[task.id].history == ["CREATED", "ANALYSING", "STOPPED", "ANALYSING"]
