"""The notebook in notebooks/ is stored without outputs and runs from top to bottom."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "alliance_structure.ipynb"


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def test_notebook_is_stored_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_notebook_explains_each_step_in_markdown():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds[0] == "markdown"
    assert all(kinds[i - 1] == "markdown" for i, kind in enumerate(kinds) if kind == "code")


@pytest.mark.slow
def test_notebook_runs_and_answers_whom_choe_son_hui_met(tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()  # raises CellExecutionError, with the traceback, if a cell fails

    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.output_type == "error"]
    assert errors == []
    meetings = [cell for cell in notebook.cells if "meetings" in cell.metadata.get("tags", [])]
    assert len(meetings) == 1
    text = _text(meetings[0])
    assert "Sergei Lavrov" in text and "Vladimir Putin" in text and "Moscow" in text
    graph = next(cell for cell in notebook.cells if "graph" in cell.metadata.get("tags", []))
    shown = [output for output in graph.outputs if output.output_type == "display_data"]
    if importlib.util.find_spec("kg.export.html") is None:
        assert shown == [] and "needs kg.export.html" in _text(graph)
    else:
        assert len(shown) == 1 and shown[0].data["text/html"].startswith("<div><iframe srcdoc=")
    # The notebook wrote nothing into the repository.
    assert not list(NOTEBOOK.parent.glob("*.store"))
