"""Dependencies point one way: http/cli → wire (presenters) → domain → storage → values;
workers (background loops) and telephony adapters sit beside http/cli and below them.

Read from the source (ast), so a forbidden import anywhere — even inside a function — fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "leadgate"

# layer → the leadgate packages its modules must not import
FORBIDDEN = {
    "values": ("domain", "storage", "wire", "cli", "http", "telephony", "workers"),
    "storage": ("domain", "wire", "cli", "http", "telephony", "workers"),
    "domain": ("wire", "cli", "http", "telephony", "workers"),
    "wire": ("cli", "http", "telephony", "workers"),
    # Adapters behind the domain's telephony interface.
    "telephony": ("storage", "wire", "cli", "http", "workers"),
    "workers": ("wire", "cli", "http"),
}
# The storage modules a presenter or a CLI command may name: the unit of work it runs in and the
# database. Everything else of storage is reached through the domain.
STORAGE_ALLOWED = {"leadgate.storage.unit_of_work", "leadgate.storage.database"}


def _imports(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return [name for name in names if name.startswith("leadgate.")]


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_never_imports_the_layers_above_it(layer: str) -> None:
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(layer)
        for name in _imports(path)
        if name.split(".")[1] in FORBIDDEN[layer]
    ]
    assert wrong == []


def _storage_imports_beyond_the_database(layer: str) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules(layer)
        for name in _imports(path)
        if name.startswith("leadgate.storage")
        and not any(name == a or name.startswith(a + ".") for a in STORAGE_ALLOWED)
        and name.rsplit(".", 1)[0] not in STORAGE_ALLOWED
    ]


def test_presenters_reach_storage_only_through_the_unit_of_work() -> None:
    assert _storage_imports_beyond_the_database("wire") == []


def test_cli_commands_reach_storage_only_through_the_database() -> None:
    assert _storage_imports_beyond_the_database("cli") == []


def test_the_domain_holds_no_vicidial_result_wording() -> None:
    """Result lines are worded in wire/ (VICIdial) and cli/ only; the domain returns outcomes."""
    wording = ("SUCCESS:", "ERROR:", "NOTICE:")
    found = [
        f"{path.relative_to(PACKAGE)}: {word}"
        for path in _modules("domain")
        for word in wording
        if word in path.read_text()
    ]
    assert found == []
