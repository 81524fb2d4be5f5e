"""Shared printing for the import commands."""

from indicators.importers.tabular import Problem


def write_problems(command, problems: list[Problem] | list[dict], *, label: str, style) -> None:
    if not problems:
        return
    command.stdout.write(style(f"{label} ({len(problems)}):"))
    for problem in problems:
        if isinstance(problem, dict):
            problem = Problem(problem["message"], problem.get("line"), problem.get("column", ""), problem["level"])
        command.stdout.write(f"  {problem}")
