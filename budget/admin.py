"""Admin for support staff: settings (hourly rate, pace bands) are edited here; amounts are read-only,
because the budget only changes through approved budget changes."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BudgetAmount, BudgetChange, BudgetLine, BudgetSection, BudgetSettings, SpendingEntry


@admin.register(BudgetSettings)
class BudgetSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "first_year", "last_year", "hourly_rate"]


@admin.register(BudgetSection)
class BudgetSectionAdmin(admin.ModelAdmin):
    list_display = ["position", "title", "theme", "shows_total", "programme"]
    list_filter = ["programme"]


class BudgetAmountInline(admin.TabularInline):
    model = BudgetAmount
    extra = 0
    readonly_fields = ["year", "amount"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(BudgetLine)
class BudgetLineAdmin(SimpleHistoryAdmin):
    list_display = ["description", "section", "project", "recipient", "kind"]
    list_filter = ["programme", "section", "kind", "recipient"]
    search_fields = ["description"]
    inlines = [BudgetAmountInline]


@admin.register(BudgetChange)
class BudgetChangeAdmin(SimpleHistoryAdmin):
    list_display = ["pk", "year", "amount", "from_line", "to_line", "status", "decided_on"]
    list_filter = ["programme", "status", "year"]
    readonly_fields = [f.name for f in BudgetChange._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(SpendingEntry)
class SpendingEntryAdmin(SimpleHistoryAdmin):
    list_display = ["date", "line", "description", "amount", "recorded_by"]
    list_filter = ["line__programme", "line__section"]
    search_fields = ["description"]
    readonly_fields = ["recorded_by", "recorded_at"]
