"""Import boundaries, checked on the source (AST): geo/ is pure; only the dashboard's
Streamlit modules import Streamlit (architecture guide 3.8)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STREAMLIT_MODULES = {"dashboard/app.py", "dashboard/state.py", "dashboard/data.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize("path", _python_files("geo"), ids=lambda p: str(p.relative_to(ROOT)))
def test_geo_imports_neither_streamlit_nor_folium(path: Path) -> None:
    banned = _imports(path) & {"streamlit", "streamlit_folium", "folium", "branca", "altair"}
    assert not banned, f"{path.relative_to(ROOT)} imports {sorted(banned)}; geo/ must stay pure"


def _is_streamlit_module(path: Path) -> bool:
    relative = path.relative_to(ROOT).as_posix()
    return relative in STREAMLIT_MODULES or relative.startswith("dashboard/views/")


@pytest.mark.parametrize(
    "path",
    [p for p in _python_files("dashboard") if not _is_streamlit_module(p)],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_pure_dashboard_modules_do_not_import_streamlit(path: Path) -> None:
    banned = _imports(path) & {"streamlit", "streamlit_folium"}
    assert not banned, f"{path.relative_to(ROOT)} imports {sorted(banned)}; keep it pure"


def test_the_boundary_check_sees_a_streamlit_import() -> None:
    assert "streamlit" in _imports(ROOT / "dashboard" / "app.py")
    assert "folium" in _imports(ROOT / "dashboard" / "maps" / "layers.py")


def test_dashboard_modules_do_not_shadow_the_standard_library() -> None:
    """``streamlit run dashboard/app.py`` puts dashboard/ first on sys.path."""
    import sys

    names = {p.stem for p in (ROOT / "dashboard").glob("*.py")}
    assert not names & set(sys.stdlib_module_names)
