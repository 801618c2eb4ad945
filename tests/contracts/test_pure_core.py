"""The pure core, ``src/hedef/domain``, runs without Django.

Its rules are plain Python, tested and benchmarked without the web shell. No
module under it may import ``django`` or ``ninja``, nor any part of ``hedef`` that
is not ``hedef.domain`` (the Django apps, the settings, the CLI): not at the top
of a module, not inside a function, not through a relative import. Two checks:
every import statement read from the source, and every module really imported in
a fresh interpreter, after which Django must not have been loaded by anything.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOMAIN = REPO / "src/hedef/domain"
FORBIDDEN_ROOTS = ("django", "ninja")


def module_name(path: Path) -> str:
    """The dotted name of the module at ``path`` (a file under ``DOMAIN``)."""
    parts = path.relative_to(DOMAIN.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import statement in ``source``."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def forbidden(name: str) -> bool:
    root = name.split(".")[0]
    if root in FORBIDDEN_ROOTS:
        return True
    return root == "hedef" and not (name == "hedef.domain" or name.startswith("hedef.domain."))


def violations(source: str, path: Path, module: str) -> list[str]:
    return [
        f"{path.relative_to(REPO)}:{line}: imports {name}"
        for line, name in imported_modules(source, module, path.name == "__init__.py")
        if forbidden(name)
    ]


def domain_modules() -> list[Path]:
    return sorted(DOMAIN.rglob("*.py"))


def test_no_module_of_the_core_imports_django_or_the_shell():
    paths = domain_modules()
    assert len(paths) > 20, f"only {len(paths)} modules found under {DOMAIN}"
    found = [
        problem
        for path in paths
        for problem in violations(path.read_text("utf-8"), path, module_name(path))
    ]
    assert not found, "the pure core imports the web shell:\n" + "\n".join(found)


def test_the_check_sees_every_kind_of_forbidden_import():
    """The source check itself: each of these lines is caught, the core's own are not."""
    path = DOMAIN / "ingest/example.py"
    module = module_name(path)
    assert module == "hedef.domain.ingest.example"
    caught = [
        "import django",
        "from django.db import models",
        "import ninja.router",
        "from hedef.plans.models import Strategy",
        "import hedef.settings",
        "from hedef import cli",
        "def f():\n    from django.conf import settings",
        "from ...plans import models",
        "from ... import cli",
    ]
    for line in caught:
        assert violations(line, path, module), line
    allowed = [
        "from hedef.domain.core.text import tokens",
        "from ..plan import Stage",
        "from . import tables",
        "import docx",
    ]
    for line in allowed:
        assert not violations(line, path, module), line


IMPORT_EVERY_MODULE = """
import importlib, json, sys
pulled_in = {}
for name in json.loads(sys.argv[1]):
    importlib.import_module(name)
    for root in ("django", "ninja"):
        if root in sys.modules and root not in pulled_in:
            pulled_in[root] = name
print(json.dumps(pulled_in))
"""


def test_importing_every_module_of_the_core_loads_no_django():
    names = [module_name(path) for path in domain_modules()]
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERY_MODULE, json.dumps(names)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO / "src")},
    )
    assert result.returncode == 0, result.stderr
    pulled_in = json.loads(result.stdout)
    assert not pulled_in, f"importing these modules loaded Django or Ninja: {pulled_in}"
