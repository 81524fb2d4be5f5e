"""Who may do what in a programme. Every view asks here; templates only use it to hide buttons."""

from .models import Membership, Programme, Project

Role = Membership.Role


def user_roles(user, programme: Programme) -> frozenset[str]:
    """The user's roles in the programme, cached on the user object for the request."""
    if not user.is_authenticated or programme is None:
        return frozenset()
    cache = user.__dict__.setdefault("_vsvplan_roles", {})
    if programme.pk not in cache:
        cache[programme.pk] = frozenset(
            Membership.objects.filter(user=user, programme=programme).values_list("role", flat=True)
        )
    return cache[programme.pk]


def can_view(user, programme: Programme) -> bool:
    return user.is_authenticated and (user.is_superuser or bool(user_roles(user, programme)))


def can_manage(user, programme: Programme) -> bool:
    """Programme managers (and administrators) edit everything in the programme."""
    return user.is_authenticated and (user.is_superuser or Role.PROGRAMME_MANAGER in user_roles(user, programme))


def led_project_ids(user) -> frozenset[int]:
    """The pks of the projects the user leads, cached on the user object for the request."""
    if not user.is_authenticated:
        return frozenset()
    led = user.__dict__.get("_vsvplan_led")
    if led is None:
        led = user.__dict__["_vsvplan_led"] = frozenset(user.led_projects.values_list("pk", flat=True))
    return led


def leads(user, project: Project) -> bool:
    return project.pk in led_project_ids(user)


def can_edit_activities(user, project: Project) -> bool:
    """Programme managers, and the leaders of this project, edit its activities."""
    return can_manage(user, project.programme) or leads(user, project)


# --- Budget -------------------------------------------------------------------------------------------


def can_record_spending(user, programme: Programme, line) -> bool:
    """Programme managers record spending on every budget line; project leaders on their own projects' lines."""
    if line.programme_id != programme.pk:
        return False
    if can_manage(user, programme):
        return True
    return line.project_id is not None and line.project_id in led_project_ids(user)


def can_propose_budget_change(user, programme: Programme, lines=()) -> bool:
    """Programme managers propose any change; a project leader one that takes from or gives to a line of
    their own projects (with no lines given: whether they lead any project at all)."""
    if can_manage(user, programme):
        return True
    led = led_project_ids(user)
    if not lines:
        return bool(led) and can_view(user, programme)
    return any(line.project_id in led for line in lines if line is not None)


def can_decide_budget_change(user, programme: Programme) -> bool:
    """Only programme managers approve or reject a budget change."""
    return can_manage(user, programme)


def can_record_status(user, project: Project) -> bool:
    """Programme managers, and the leaders of this project, record the project's status."""
    return can_manage(user, project.programme) or leads(user, project)
