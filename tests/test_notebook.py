"""notebooks/walkthrough.ipynb: stored without outputs, and every cell runs top to bottom.

The run goes through nbclient on the python3 kernelspec, which resolves to the interpreter
running the tests (jupyter_client swaps a kernelspec's bare ``python`` for sys.executable), so
`make test` executes the notebook with the venv that has kg installed.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from kg.nlp import DEFAULT_MODELS

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
WALKTHROUGH = NOTEBOOKS / "walkthrough.ipynb"
#: What the notebook writes, relative to its folder (the repository's out/).
PAGE = NOTEBOOKS.parent / "out" / "walkthrough-graph.html"


def _output_text(cell) -> str:
    """Everything a code cell showed: streams, and every representation of its display data."""
    # A stream may reach the notebook in pieces ("conforms:" then " True"); Jupyter shows the
    # pieces as one text, and so does this.
    outputs = cell.get("outputs", [])
    streams = ["".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream" and o.get("name") == name) for name in ("stdout", "stderr")]
    data = [value if isinstance(value, str) else json.dumps(value) for output in outputs for value in output.get("data", {}).values()]
    return "\n".join([*streams, *data])


def test_notebook_has_no_outputs_in_git() -> None:
    notebook = json.loads(WALKTHROUGH.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code, "the walkthrough has no code cells"
    for cell in code:
        where = f"cell {cell.get('id')!r}"
        assert cell["outputs"] == [], f"{where} has outputs; clear them before committing"
        assert cell["execution_count"] is None, f"{where} has an execution count; clear outputs before committing"


@pytest.mark.model
def test_notebook_runs_every_cell(tmp_path: Path) -> None:
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install -e '.[test]')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install -e '.[test]')")
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install -e '.[test]')")
    if not any(importlib.util.find_spec(name) for name in DEFAULT_MODELS):
        pytest.skip(f"no English spaCy pipeline installed (one of {', '.join(DEFAULT_MODELS)})")

    notebook = nbformat.read(WALKTHROUGH, as_version=4)  # executed in memory, never written back
    PAGE.unlink(missing_ok=True)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}})
    try:
        client.execute()  # raises CellExecutionError, naming the cell and its traceback, when a cell fails
    finally:
        nbformat.write(notebook, tmp_path / "walkthrough.executed.ipynb")  # for a look after a failure

    cells = {cell.id: cell for cell in notebook.cells}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.execution_count is not None, f"cell {cell.id!r} did not run"
            assert not any(o.output_type == "error" for o in cell.outputs), f"cell {cell.id!r} failed"
    assert re.search(r"paragraphs kept: [1-9]", _output_text(cells["load"]))
    assert "S. Jaishankar" in _output_text(cells["entities"])
    statements = _output_text(cells["statements"])
    assert "Marco Rubio" in statements and "meets" in statements
    assert "conforms: True" in _output_text(cells["validate"])
    assert "Scott Bessent" in _output_text(cells["query-meetings"])
    assert "India" in _output_text(cells["query-tariffs"])
    assert "Jaishankar" in _output_text(cells["query-entity"])
    assert "Top entities by PageRank" in _output_text(cells["analytics"])
    assert "<iframe" in _output_text(cells["page"])
    assert PAGE.is_file() and "<html" in PAGE.read_text(encoding="utf-8").lower()
