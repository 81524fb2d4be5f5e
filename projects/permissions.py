"""Who may do what in a programme. Every service that writes asks here (a `require_*` helper raises
PermissionDenied with the Dutch message the 403 page shows), so a write from a view, a command or a task meets
the same rule; views ask the same functions to show or hide buttons and to refuse a form page early."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from .models import Membership, Programme, Project

Role = Membership.Role


def _authenticated(user) -> bool:
    """No user at all (None: a write without a person behind it) has no role, like an anonymous visitor."""
    return user is not None and user.is_authenticated


def user_roles(user, programme: Programme) -> frozenset[str]:
    """The user's roles in the programme, cached on the user object for the request."""
    if not _authenticated(user) or programme is None:
        return frozenset()
    cache = user.__dict__.setdefault("_vsvplan_roles", {})
    if programme.pk not in cache:
        cache[programme.pk] = frozenset(
            Membership.objects.filter(user=user, programme=programme).values_list("role", flat=True)
        )
    return cache[programme.pk]


def require(allowed: bool, message) -> None:
    """Refuse (PermissionDenied, shown on the Dutch 403 page) unless allowed: a write right in one line."""
    if not allowed:
        raise PermissionDenied(message)


# A closed programme is read-only for everyone: no role writes in it (its reports and figures stay readable).
CLOSED = _("Dit programma is afgesloten: het is alleen nog te lezen.")


def is_open(programme: Programme | None) -> bool:
    return programme is None or programme.status != Programme.Status.CLOSED


def require_open(programme: Programme | None) -> None:
    require(is_open(programme), CLOSED)


def can_view(user, programme: Programme) -> bool:
    return _authenticated(user) and (user.is_superuser or bool(user_roles(user, programme)))


def can_manage(user, programme: Programme) -> bool:
    """Programme managers (and administrators) edit everything in the programme, as long as it is open."""
    return (
        _authenticated(user)
        and is_open(programme)
        and (user.is_superuser or Role.PROGRAMME_MANAGER in user_roles(user, programme))
    )


NO_PROGRAMME = _("U heeft nog geen rol in een programma. Vraag de beheerder om u toe te voegen.")


def require_view(user, programme: Programme) -> None:
    """Refuse a user without a role in the programme a URL names."""
    require(
        can_view(user, programme),
        _("U heeft geen rol in %(programme)s. Vraag de beheerder om u toe te voegen.") % {"programme": programme},
    )


def require_manage(user, programme: Programme) -> None:
    require_open(programme)
    require(can_manage(user, programme), _("Alleen programmamanagers mogen dit wijzigen."))


def can_start_next(user, programme: Programme) -> bool:
    """Its programme managers (and administrators) start the next programme from it, also once it is closed."""
    return _authenticated(user) and (user.is_superuser or Role.PROGRAMME_MANAGER in user_roles(user, programme))


def require_start_next(user, programme: Programme) -> None:
    require(
        can_start_next(user, programme),
        _("Alleen de programmamanagers van dit programma starten het volgende programma."),
    )


def led_project_ids(user) -> frozenset[int]:
    """The pks of the projects the user leads in open programmes (a closed one is read-only), cached on the user
    object for the request."""
    if not _authenticated(user):
        return frozenset()
    led = user.__dict__.get("_vsvplan_led")
    if led is None:
        projects = user.led_projects.exclude(programme__status=Programme.Status.CLOSED)
        led = user.__dict__["_vsvplan_led"] = frozenset(projects.values_list("pk", flat=True))
    return led


def leads(user, project: Project) -> bool:
    return project.pk in led_project_ids(user)


def can_edit_activities(user, project: Project) -> bool:
    """Programme managers, and the leaders of this project, edit its activities."""
    return can_manage(user, project.programme) or leads(user, project)


def require_edit_activities(user, project: Project) -> None:
    require_open(project.programme)
    require(
        can_edit_activities(user, project),
        _("Alleen programmamanagers en de projectleiders van dit project mogen dit wijzigen."),
    )


# --- Budget -------------------------------------------------------------------------------------------


def can_record_spending(user, programme: Programme, line) -> bool:
    """Programme managers record spending on every budget line; project leaders on their own projects' lines."""
    if line.programme_id != programme.pk:
        return False
    if can_manage(user, programme):
        return True
    return line.project_id is not None and line.project_id in led_project_ids(user)


def require_record_spending(user, programme: Programme, line) -> None:
    require_open(programme)
    require(
        can_record_spending(user, programme, line),
        _(
            "Alleen programmamanagers en de projectleiders van het project van deze regel "
            "mogen hier bestedingen vastleggen."
        ),
    )


def can_propose_budget_change(user, programme: Programme, lines=()) -> bool:
    """Programme managers propose any change; a project leader one that takes from or gives to a line of
    their own projects (with no lines given: whether they lead any project at all)."""
    if can_manage(user, programme):
        return True
    led = led_project_ids(user)
    if not lines:
        return bool(led) and can_view(user, programme)
    return any(line.project_id in led for line in lines if line is not None)


def require_propose_budget_change(user, programme: Programme, lines=()) -> None:
    """First whether the user may propose at all, then (with lines given) whether for these lines."""
    require_open(programme)
    require(
        can_propose_budget_change(user, programme),
        _("Alleen programmamanagers en projectleiders mogen een begrotingswijziging voorstellen."),
    )
    if lines:
        require(
            can_propose_budget_change(user, programme, lines),
            _("Een projectleider kan alleen wijzigingen voorstellen voor regels van de eigen projecten."),
        )


def can_decide_budget_change(user, programme: Programme) -> bool:
    """Only programme managers approve or reject a budget change."""
    return can_manage(user, programme)


def require_decide_budget_change(user, programme: Programme) -> None:
    require_open(programme)
    require(
        can_decide_budget_change(user, programme),
        _("Alleen programmamanagers keuren begrotingswijzigingen goed of af."),
    )


def can_record_status(user, project: Project) -> bool:
    """Programme managers, and the leaders of this project, record the project's status."""
    return can_manage(user, project.programme) or leads(user, project)


def require_record_status(user, project: Project) -> None:
    require_open(project.programme)
    require(
        can_record_status(user, project),
        _("Alleen programmamanagers en de projectleiders van dit project leggen de status vast."),
    )


# --- Shared figures and DUO imports -----------------------------------------------------------------------

# The installation-wide role of the data stewards: a Django group, assigned in the admin (/beheer/).
DATA_STEWARDS = "gegevensbeheerders"


def is_data_steward(user) -> bool:
    """A gegevensbeheerder (or an administrator): loads DUO's files for every area, keeps regions and
    municipalities, and runs the scheduled imports. Cached on the user object for the request."""
    if not _authenticated(user):
        return False
    cache = user.__dict__  # as led_project_ids: the request's user object (its lazy wrapper too) keeps the answer
    if "_vsvplan_steward" not in cache:
        cache["_vsvplan_steward"] = user.is_superuser or user.groups.filter(name=DATA_STEWARDS).exists()
    return cache["_vsvplan_steward"]


def can_import(user, programme: Programme | None) -> bool:
    """Data stewards import for every area; a programme's managers for their own region."""
    return is_data_steward(user) or (programme is not None and can_manage(user, programme))


def require_import(user, programme: Programme | None) -> None:
    if not is_data_steward(user):
        require_open(programme)
    require(
        can_import(user, programme),
        _("Alleen programmamanagers en gegevensbeheerders mogen cijfers importeren."),
    )


def import_owner(user, programme: Programme | None) -> Programme | None:
    """Whose a new run is: the data stewards' (None: it writes every area) or the programme's (its region only)."""
    require_import(user, programme)
    return None if is_data_steward(user) else programme


def can_see_import(user, run_programme_id: int | None) -> bool:
    """A run is seen, confirmed and cancelled by its own people only: the stewards' runs by the stewards, a
    programme's runs by that programme's managers."""
    if run_programme_id is None:
        return is_data_steward(user)
    return can_manage(user, Programme.objects.filter(pk=run_programme_id).first())


def require_see_import(user, run_programme_id: int | None) -> None:
    require(can_see_import(user, run_programme_id), _("Deze import is van een ander programma."))


def require_edit_regions(user) -> None:
    """Renaming or moving regions and municipalities changes what every programme sees: the stewards' work."""
    require(is_data_steward(user), _("Alleen gegevensbeheerders mogen regio's en gemeenten wijzigen."))


def can_write_region_figures(
    user, programme: Programme | None, region_code: str, entered_for_id: int | None = None
) -> bool:
    """A figure of a region by hand: the data stewards, or the managers of a programme of that region; a figure
    entered by hand for one programme (`entered_for_id`) only by that programme's managers."""
    if is_data_steward(user):
        return True
    if entered_for_id is not None and (programme is None or entered_for_id != programme.pk):
        return False
    return programme is not None and programme.region.code == region_code and can_manage(user, programme)


def require_write_region_figures(
    user, programme: Programme | None, region_code: str, entered_for_id: int | None = None
) -> None:
    if not is_data_steward(user):
        require_open(programme)
    require(
        entered_for_id is None or is_data_steward(user) or (programme is not None and entered_for_id == programme.pk),
        _(
            "Dit cijfer is met de hand ingevoerd voor een ander programma; alleen de programmamanagers daarvan "
            "wijzigen het."
        ),
    )
    require(
        can_write_region_figures(user, programme, region_code, entered_for_id),
        _("Alleen de programmamanagers van de eigen regio en de gegevensbeheerders mogen dit cijfer wijzigen."),
    )


def require_write_figure(user, programme: Programme | None, area_kind: str, area_code: str, entered_for_id=None):
    """A figure by hand: of a region under the rule above; of the nation or a municipality, the stewards' only."""
    if area_kind != "regio":
        require(
            is_data_steward(user),
            _("Dit cijfer is van een ander gebied dan een RMC-regio; alleen de gegevensbeheerders wijzigen het."),
        )
        return
    require_write_region_figures(user, programme, area_code, entered_for_id)


def require_keep_norms(user) -> None:
    """The national norms are read by every programme: the stewards keep them."""
    require(is_data_steward(user), _("Alleen gegevensbeheerders stellen de landelijke normen vast."))
