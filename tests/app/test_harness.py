"""The tier's own check: a flow that kills QGIS fails as *crashed*, with QGIS's last
words, and the flows after it still run in a new QGIS."""

from __future__ import annotations

import pytest


@pytest.mark.flow("selftest_abort", "selftest_after")
def test_a_crash_is_attributed_to_its_flow_and_the_next_flow_still_runs(app_run):
    crashed = app_run["selftest_abort"]
    assert crashed.status == "crashed"
    assert [step.split(" ", 1)[1] for step in crashed.steps] == ["about to abort"]
    assert "exited with code" in crashed.error and "Aborted" in crashed.error
    with pytest.raises(AssertionError, match="crashed inside QGIS"):
        crashed.check()
    after = app_run["selftest_after"].check()
    assert after["plugin_loaded"]
    assert [run["flows"] for run in app_run.runs] == [
        ["selftest_abort", "selftest_after"],
        ["selftest_after"],
    ]
    assert app_run.runs[0]["exit_code"] != 0 and app_run.runs[1]["exit_code"] == 0
