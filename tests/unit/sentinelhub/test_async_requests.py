"""Async Process API requests (seed 001 ``AsyncProcessRequestOutput``): the whole job in one
body with ``output.delivery.s3``, accepted by the local server's own validation; the
delivery's checks in sentences; where the result is written; keys never in what is shown."""

from __future__ import annotations

import json

import pytest

from eo_explorer.plugin.api.async_process import (
    REDACTED,
    Delivery,
    async_body,
    delivery_problem,
    redacted,
)
from tests.servers.sentinelhub.request import validate
from tests.unit.sentinelhub.process_cases import job_for, options

KEY, SECRET = "AKIAUNITTESTKEY", "unit-test-secret"
ROLE = "arn:aws:iam::123456789012:role/sh-writer"


def test_the_whole_grid_goes_in_one_request_with_its_delivery():
    job = job_for(options(), max_px=100)  # several Process tiles ...
    assert len(job.tiles) > 1
    delivery = Delivery("s3://bucket/folder", iam_role_arn=ROLE, region="eu-central-1")
    body = async_body(job, delivery)  # ... one Async request
    assert body["output"]["width"] == job.grid.width
    assert body["output"]["height"] == job.grid.height
    assert body["input"]["bounds"]["bbox"] == list(job.grid.bbox)
    assert body["output"]["delivery"] == {
        "s3": {"url": "s3://bucket/folder", "iamRoleARN": ROLE, "region": "eu-central-1"}
    }
    plain = dict(body, output={k: v for k, v in body["output"].items() if k != "delivery"})
    validate(plain, max_size=10000)  # the rest is a Process request as the seed shapes it


def test_keys_are_sent_when_given_and_never_shown():
    delivery = Delivery("s3://bucket", access_key=KEY, secret_access_key=SECRET)
    body = async_body(job_for(options()), delivery)
    assert body["output"]["delivery"]["s3"]["secretAccessKey"] == SECRET
    shown = json.dumps(redacted(body))
    assert KEY not in shown and SECRET not in shown and REDACTED in shown
    assert SECRET not in repr(delivery)


@pytest.mark.parametrize(
    ("delivery", "words"),
    [
        (Delivery("bucket/folder", iam_role_arn=ROLE), "not an S3 address"),
        (Delivery("s3://", iam_role_arn=ROLE), "not an S3 address"),
        (Delivery("s3://bucket", iam_role_arn="my-role"), "not an IAM role ARN"),
        (Delivery("s3://bucket", access_key=KEY), "go together"),
        (Delivery("s3://bucket"), "give an IAM role ARN"),
    ],
)
def test_deliveries_sentinel_hub_cannot_use_are_refused_in_a_sentence(delivery, words):
    problem = delivery_problem(delivery)
    assert problem is not None and words in problem and problem.endswith(".")


def test_more_than_the_async_limit_is_refused():
    from eo_explorer.plugin.api.process import OutputSize

    job = job_for(options(), size=OutputSize(width=10001, height=50), max_px=10000)
    with pytest.raises(ValueError, match="at most 10000 x 10000 px"):
        async_body(job, Delivery("s3://bucket", iam_role_arn=ROLE))


def test_the_result_is_under_the_request_id():
    delivery = Delivery("s3://bucket/a/b/", iam_role_arn=ROLE)
    assert delivery.result_url("1234", "default") == "s3://bucket/a/b/1234/default.tif"
    assert Delivery("s3://bucket").result_url("9", "rgb", "image/png") == "s3://bucket/9/rgb.png"
