"""The package's stages import one way: a module may use earlier stages, never later ones."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "kg"

#: Stage rank of each module; a module may import only modules of lower or equal rank.
STAGES = {
    "kg": 0, "kg.model": 0, "kg.errors": 0, "kg.files": 0, "kg.vocab": 0, "kg.lexicon": 0, "kg.gazetteer": 0,
    "kg.ingest": 1,
    "kg.components": 2, "kg.nlp": 2,
    "kg.extract": 3, "kg.openie": 3, "kg.workers": 3,
    "kg.resolve": 4,
    "kg.records": 5,
    "kg.rdf": 6, "kg.shacl": 6, "kg.validate": 6, "kg.writers": 6,
    "kg.query": 7, "kg.analytics": 7,
    "kg.layout": 8, "kg.render": 8, "kg.remote": 8,
    "kg.pipeline": 9,
    "kg.distribute": 10,
    "kg.cli": 11,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _rank(module: str) -> int | None:
    for name, rank in sorted(STAGES.items(), key=lambda item: -len(item[0])):
        if module == name or module.startswith(name + "."):
            return rank
    return None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_layout_modules_import_only_earlier_stages(path: Path) -> None:
    own = _rank(_module_name(path))
    assert own is not None, f"{_module_name(path)} has no stage in STAGES"
    later = sorted(m for m in _imports(path) if m.startswith("kg") and (_rank(m) or 0) > own)
    assert later == [], f"{_module_name(path)} imports later stages: {later}"


def test_layout_model_imports_no_nlp_or_rdf_library() -> None:
    imports = _imports(PACKAGE / "model.py")
    assert not {m for m in imports if m.split(".")[0] in {"spacy", "rdflib", "networkx"}}
