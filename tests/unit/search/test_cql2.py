"""CQL2 text to CQL2 JSON (OGC 21-065), the subset users type in the Filter field."""

from __future__ import annotations

import pytest

from eo_explorer.plugin.api.cql2 import NotTranslated, to_json

CLOUD = {"property": "eo:cloud_cover"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eo:cloud_cover < 10", {"op": "<", "args": [CLOUD, 10]}),
        ("eo:cloud_cover<=10.5", {"op": "<=", "args": [CLOUD, 10.5]}),
        ("eo:cloud_cover >= -1e2", {"op": ">=", "args": [CLOUD, -100.0]}),
        (
            "platform <> 'sentinel-2a'",
            {"op": "<>", "args": [{"property": "platform"}, "sentinel-2a"]},
        ),
        ("platform != 'x'", {"op": "<>", "args": [{"property": "platform"}, "x"]}),
        ('"eo:cloud_cover" = 0', {"op": "=", "args": [CLOUD, 0]}),
        (
            "properties.platform = 'it''s'",
            {"op": "=", "args": [{"property": "properties.platform"}, "it's"]},
        ),
        ("eo:cloud_cover BETWEEN 5 AND 20", {"op": "between", "args": [CLOUD, 5, 20]}),
        (
            "eo:cloud_cover not between 5 and 20",
            {"op": "not", "args": [{"op": "between", "args": [CLOUD, 5, 20]}]},
        ),
        (
            "platform IN ('sentinel-2a', 'sentinel-2b')",
            {"op": "in", "args": [{"property": "platform"}, ["sentinel-2a", "sentinel-2b"]]},
        ),
        ("id LIKE 'S2A%'", {"op": "like", "args": [{"property": "id"}, "S2A%"]}),
        (
            "id NOT LIKE 'S2A%'",
            {"op": "not", "args": [{"op": "like", "args": [{"property": "id"}, "S2A%"]}]},
        ),
        ("eo:cloud_cover IS NULL", {"op": "isNull", "args": [CLOUD]}),
        ("eo:cloud_cover IS NOT NULL", {"op": "not", "args": [{"op": "isNull", "args": [CLOUD]}]}),
        (
            "datetime > TIMESTAMP('2024-06-01T00:00:00Z')",
            {"op": ">", "args": [{"property": "datetime"}, {"timestamp": "2024-06-01T00:00:00Z"}]},
        ),
        (
            "updated >= DATE('2024-06-01')",
            {"op": ">=", "args": [{"property": "updated"}, {"date": "2024-06-01"}]},
        ),
        (
            "sat:orbit_state = 'ascending' AND NOT (eo:cloud_cover > 50 OR eo:cloud_cover < 1)",
            {
                "op": "and",
                "args": [
                    {"op": "=", "args": [{"property": "sat:orbit_state"}, "ascending"]},
                    {
                        "op": "not",
                        "args": [
                            {
                                "op": "or",
                                "args": [
                                    {"op": ">", "args": [CLOUD, 50]},
                                    {"op": "<", "args": [CLOUD, 1]},
                                ],
                            }
                        ],
                    },
                ],
            },
        ),
        (
            "a = 1 OR b = 2 AND c = 3",
            {
                "op": "or",
                "args": [
                    {"op": "=", "args": [{"property": "a"}, 1]},
                    {
                        "op": "and",
                        "args": [
                            {"op": "=", "args": [{"property": "b"}, 2]},
                            {"op": "=", "args": [{"property": "c"}, 3]},
                        ],
                    },
                ],
            },
        ),
        ("flag = TRUE", {"op": "=", "args": [{"property": "flag"}, True]}),
    ],
)
def test_translates(text, expected):
    assert to_json(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "eo:cloud_cover",
        "eo:cloud_cover <",
        "(eo:cloud_cover < 10",
        "eo:cloud_cover < 10)",
        "S_INTERSECTS(geometry, POINT(1 2))",
        "eo:cloud_cover + 1 < 10",
        "platform = 'unterminated",
    ],
)
def test_refuses_what_it_cannot_translate(text):
    with pytest.raises(NotTranslated):
        to_json(text)
