"""Pages of the half-year cycle, one module per family. Thin: resolve, check permission (workflow.py), call a
service or selector, render."""

from .actions import plan_action
from .evaluation import evaluation_edit
from .goals import goal_chain, goal_delete, goal_edit
from .plans import plan_detail, plan_edit, plan_list, plan_start
from .status import status_record

__all__ = [
    "evaluation_edit",
    "goal_chain",
    "goal_delete",
    "goal_edit",
    "plan_action",
    "plan_detail",
    "plan_edit",
    "plan_list",
    "plan_start",
    "status_record",
]
