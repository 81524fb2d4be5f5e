"""The apps stand in layers and use only their own or a lower layer: in Python (the import-linter contract in
pyproject.toml) and in templates (the tag libraries they load, the templates they include or extend)."""

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"

# Lowest first; apps in one layer are independent of each other.
LAYERS = [["core"], ["projects"], ["indicators", "budget"], ["halfyear"], ["reports"], ["dashboards"]]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
# Tag libraries of Django and the packages we use: allowed in every template.
SHARED_LIBRARIES = {"i18n", "l10n", "static", "humanize", "tz", "cache", "django_tables2"}
# Templates outside templates/<app>/ belong to core: base.html and the error pages, includes/, registration/.
CORE_FOLDERS = {"includes", "registration"}

LOAD = re.compile(r"{%\s*load\s+(.+?)\s*%}")
INCLUDE = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")


def test_the_import_contract_holds():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = config["contracts"]
    # The contract itself may not be weakened: every app in it, in this order, and no import excused.
    assert contract["type"] == "layers" and "ignore_imports" not in contract
    assert contract["layers"] == ["vsvplan"] + [" | ".join(apps) for apps in reversed(LAYERS)]
    assert sorted(config["root_packages"]) == sorted([*RANK, "vsvplan"])

    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert command, "lint-imports ontbreekt: installeer requirements-dev.txt"
    result = subprocess.run([command, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def _library_apps() -> dict[str, str]:
    """Tag library name → the app whose templatetags/ defines it."""
    libraries = {}
    for app in RANK:
        for module in (ROOT / app / "templatetags").glob("*.py"):
            if module.stem != "__init__":
                assert module.stem not in libraries, f"{module.stem} bestaat in {libraries[module.stem]} en {app}"
                libraries[module.stem] = app
    return libraries


def _owner(name: str) -> str | None:
    """The app a template belongs to, by its name under templates/ (None: not one of ours)."""
    parts = Path(name).parts
    if len(parts) == 1 or parts[0] in CORE_FOLDERS:
        return "core"
    return parts[0] if parts[0] in RANK else None


def _templates():
    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file() and path.suffix in (".html", ".txt"):
            yield path.relative_to(TEMPLATES).as_posix(), path.read_text(encoding="utf-8")


def _allowed(user: str, used: str) -> bool:
    return used == user or RANK[used] < RANK[user]


def test_every_template_has_an_owner():
    assert [name for name, _text in _templates() if _owner(name) is None] == []


def test_templates_load_only_tag_libraries_of_their_own_app_or_a_lower_layer():
    libraries = _library_apps()
    assert {"vsv", "kpi", "budget", "halfyear", "reports"} <= set(libraries)  # the scan finds them
    offenders = []
    for name, text in _templates():
        owner = _owner(name)
        for arguments in LOAD.findall(text):
            words = arguments.split()
            loaded = [words[-1]] if "from" in words else words  # {% load tag from library %}
            for library in loaded:
                if library in SHARED_LIBRARIES:
                    continue
                if library not in libraries:
                    offenders.append(f"{name}: {{% load {library} %}} (onbekende bibliotheek)")
                elif not _allowed(owner, libraries[library]):
                    offenders.append(f"{name} ({owner}): {{% load {library} %}} van {libraries[library]}")
    assert offenders == []


def test_templates_include_and_extend_only_templates_of_their_own_app_or_a_lower_layer():
    offenders = []
    for name, text in _templates():
        owner = _owner(name)
        for used in INCLUDE.findall(text):
            used_owner = _owner(used)
            if used_owner is not None and not _allowed(owner, used_owner):
                offenders.append(f"{name} ({owner}): {used} ({used_owner})")
    assert offenders == []
