"""Shared printing for the import commands."""

from pathlib import Path

from django.core.management.base import CommandError

from indicators.importers.tabular import Problem


def read_file(file: str) -> tuple[Path, bytes]:
    path = Path(file)
    try:
        return path, path.read_bytes()
    except OSError as exc:
        raise CommandError(f"Kan {path} niet lezen: {exc.strerror}.") from exc


def write_problems(command, problems: list[Problem] | list[dict], *, label: str, style) -> None:
    if not problems:
        return
    command.stdout.write(style(f"{label} ({len(problems)}):"))
    for problem in problems:
        if isinstance(problem, dict):
            problem = Problem(problem["message"], problem.get("line"), problem.get("column", ""), problem["level"])
        command.stdout.write(f"  {problem}")
