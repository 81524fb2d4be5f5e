"""Budget pages under /begroting/. Thin: resolve the programme, call a selector or a service (which checks the
write right), render. `today` comes from core.clock, the one clock tests pin."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from core import clock
from core.charts import responsive
from core.export import export_response
from core.formatting import euro
from core.forms import add_service_error
from core.numbers import query_int
from core.periods import BudgetYear
from projects import permissions
from projects.views import programme_view

from . import selectors, services
from .charts import budget_chart
from .forms import BudgetChangeForm, DecisionForm, SpendingForm
from .models import BudgetChange, BudgetLine
from .tables import BudgetChangeTable, BudgetOverviewTable, SpendingTable


def _overview_rows(overview):
    rows = []
    for block in overview.sections:
        if block.section.shows_total:
            rows.append(
                {
                    "kind": "section",
                    "label": block.section.title,
                    "note": block.section.note,
                    "figures": block.figures,
                    "pace": block.pace,
                }
            )
        for row in block.rows:
            rows.append(
                {
                    "kind": "line",
                    "label": row.line.description,
                    "line": row.line,
                    "figures": row.figures,
                    "pace": row.pace,
                }
            )
    pacer = selectors.Pacer(overview.year, overview.today, overview.settings.bands)
    rows.append(
        {"kind": "total", "label": _("Totaal Projecten"), "figures": overview.total, "pace": overview.total_pace}
    )
    rows.append(
        {
            "kind": "total",
            "label": overview.municipality_label,
            "figures": overview.municipality_total,
            "pace": pacer(overview.municipality_total),
        }
    )
    return rows


def _year_param(request):
    try:
        return int(request.GET.get("jaar", ""))
    except ValueError:
        return None


@programme_view()
def budget_overview(request, programme):
    overview = selectors.budget_overview(
        programme=programme, today=programme.day(clock.today()), year=_year_param(request)
    )
    if overview is None:
        return render(request, "budget/overview.html", {"overview": None})
    table = BudgetOverviewTable(_overview_rows(overview), years=overview.years, year=overview.year)
    RequestConfig(request, paginate=False).configure(table)
    response = export_response(request, table, f"begroting-{overview.year}")
    if response:
        return response
    chart = budget_chart(
        [
            (block.section.title, block.figures.current.get(overview.year), block.figures.spent.get(overview.year, 0))
            for block in overview.sections
        ],
        overview.year,
    )
    context = {
        "overview": overview,
        "table": table,
        "chart": mark_safe(responsive(chart)),
        "can_propose": permissions.can_propose_budget_change(request.user, programme),
    }
    return render(request, "budget/overview.html", context)


def _get_line_detail(programme, pk):
    try:
        return selectors.line_detail(programme=programme, pk=pk, today=programme.day(clock.today()))
    except BudgetLine.DoesNotExist as exc:
        raise Http404(_("Deze begrotingsregel bestaat niet in dit programma.")) from exc


@programme_view()
def budget_line(request, programme, pk):
    detail = _get_line_detail(programme, pk)
    table = SpendingTable(detail.entries)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    response = export_response(request, table, f"bestedingen-regel-{detail.line.pk}")
    if response:
        return response
    context = {
        "detail": detail,
        "line": detail.line,
        "table": table,
        "can_record": permissions.can_record_spending(request.user, programme, detail.line),
    }
    return render(request, "budget/line_detail.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def spending_create(request, programme, pk):
    detail = _get_line_detail(programme, pk)
    line = detail.line
    permissions.require_record_spending(request.user, programme, line)  # early 403; spending_record checks too
    # Suggest today, or the budget's last day once the budget period is over.
    suggested = min(clock.today(), BudgetYear(detail.settings.last_year).end)
    form = SpendingForm(request.POST or None, default_rate=detail.settings.hourly_rate, initial={"date": suggested})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.spending_record(
                line=line,
                user=request.user,
                date=data["date"],
                description=data["description"],
                amount=data.get("amount"),
                hours=data.get("hours"),
                hourly_rate=data.get("hourly_rate"),
                today=clock.today(),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Besteding van %(amount)s is vastgelegd.") % {"amount": euro(entry.amount, 2)})
            return redirect("budget_line", pk=line.pk)
    return render(request, "budget/spending_form.html", {"form": form, "line": line, "detail": detail})


@programme_view()
def budget_change_list(request, programme):
    table = BudgetChangeTable(selectors.budget_changes(programme=programme))
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    response = export_response(request, table, "begrotingswijzigingen")
    if response:
        return response
    context = {"table": table, "can_propose": permissions.can_propose_budget_change(request.user, programme)}
    return render(request, "budget/change_list.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def budget_change_create(request, programme):
    permissions.require_propose_budget_change(request.user, programme)  # early 403; the service checks the lines
    settings = selectors.budget_settings(programme=programme)
    if settings is None:
        raise Http404(_("Dit programma heeft nog geen begroting."))
    initial = {"year": selectors.default_year(settings, programme.day(clock.today()))}
    for field, param in (("from_line", "van"), ("to_line", "naar")):
        if (key := query_int(request.GET.get(param), digits=18)) is not None:
            initial[field] = key
    form = BudgetChangeForm(
        request.POST or None,
        lines=selectors.lines_for_choice(programme=programme),
        years=settings.years,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.budget_change_propose(
                programme=programme,
                user=request.user,
                from_line=data["from_line"],
                to_line=data["to_line"],
                year=data["year"],
                amount=data["amount"],
                reason=data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Begrotingswijziging %(number)s is voorgesteld. Een programmamanager beslist erover.")
                % {"number": change.pk},
            )
            return redirect("budget_change", pk=change.pk)
    return render(request, "budget/change_form.html", {"form": form})


@programme_view()
@require_http_methods(["GET", "POST"])
def budget_change_detail(request, programme, pk):
    try:
        change = selectors.budget_change_detail(programme=programme, pk=pk)
    except BudgetChange.DoesNotExist as exc:
        raise Http404(_("Deze begrotingswijziging bestaat niet in dit programma.")) from exc
    can_decide = permissions.can_decide_budget_change(request.user, programme)
    form = None
    if change.status == BudgetChange.Status.PROPOSED and can_decide:
        form = DecisionForm(request.POST or None, initial={"decided_on": clock.today()})
    if request.method == "POST":
        permissions.require_decide_budget_change(request.user, programme)  # 403 before "already decided"
        if form is None:
            messages.error(request, _("Over deze wijziging is al besloten; er is niets veranderd."))
            return redirect("budget_change", pk=change.pk)
        if form.is_valid():
            approve = form.cleaned_data["decision"] == "goedkeuren"
            try:
                services.budget_change_decide(
                    change=change,
                    user=request.user,
                    approve=approve,
                    decided_on=form.cleaned_data["decided_on"],
                    note=form.cleaned_data["note"],
                    today=clock.today(),
                )
            except ValidationError as error:
                add_service_error(form, error)
            else:
                text = (
                    _("Wijziging %(number)s is goedgekeurd; de begroting is bijgewerkt.")
                    if approve
                    else _("Wijziging %(number)s is afgewezen; de begroting is niet veranderd.")
                )
                messages.success(request, text % {"number": change.pk})
                return redirect("budget_change", pk=change.pk)
    context = {
        "change": change,
        "form": form,
        "history": selectors.budget_change_history(change=change),
    }
    return render(request, "budget/change_detail.html", context)
