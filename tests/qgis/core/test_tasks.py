"""The one task idiom (plugin/core/tasks.py): every outcome reaches the main thread, also
for a workflow that raised."""

from __future__ import annotations

from qgis.core import QgsApplication

from eo_explorer.plugin.api.errors import EOExplorerError
from eo_explorer.plugin.core.tasks import WorkflowTask

from ..conftest import wait_for


def run(task, app):
    outcomes = []
    task.completed.connect(outcomes.append)
    QgsApplication.taskManager().addTask(task)
    wait_for(app, lambda: outcomes, 30)
    return outcomes[0]


def test_a_workflow_that_raises_ends_in_a_sentence(qgis_app):
    def work(progress):
        raise KeyError("a bug")

    outcome = run(WorkflowTask("EO Explorer: test", work, failed=lambda error: error), qgis_app)
    assert isinstance(outcome, EOExplorerError)
    assert "Something unexpected went wrong" in str(outcome) and "KeyError" in outcome.details


def test_reports_and_percent_reach_the_main_thread(qgis_app):
    reports = []

    def work(progress):
        for step in (1, 2, 3):
            progress.percent(step * 30)
            progress.report(step)
        return "done"

    task = WorkflowTask("EO Explorer: test", work, failed=lambda error: error)
    task.reported.connect(reports.append)
    assert run(task, qgis_app) == "done"
    wait_for(qgis_app, lambda: len(reports) == 3, 10)
    assert reports == [1, 2, 3]
