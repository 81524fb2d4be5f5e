from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CycleSettings, HalfYearEvaluation, HalfYearPlan, ProjectStatus, SentReminder, SmartGoal


@admin.register(CycleSettings)
class CycleSettingsAdmin(SimpleHistoryAdmin):
    list_display = ["programme", "plan_due_days_before", "evaluation_due_weeks_after"]


class SmartGoalInline(admin.StackedInline):
    model = SmartGoal
    extra = 0
    fk_name = "plan"
    raw_id_fields = ["carried_from"]


@admin.register(HalfYearPlan)
class HalfYearPlanAdmin(SimpleHistoryAdmin):
    list_display = ["project", "period", "revision", "status", "is_demo"]
    list_filter = ["status", "period", "project__programme"]
    search_fields = ["project__code", "project__title", "context", "aim"]
    readonly_fields = ["status", "submitted_at", "submitted_by", "decided_at", "decided_by", "hourly_rate"]
    inlines = [SmartGoalInline]


@admin.register(HalfYearEvaluation)
class HalfYearEvaluationAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "status", "submitted_at"]
    list_filter = ["status"]


@admin.register(ProjectStatus)
class ProjectStatusAdmin(SimpleHistoryAdmin):
    list_display = ["project", "status", "date", "recorded_by"]
    list_filter = ["status", "project__programme"]


@admin.register(SentReminder)
class SentReminderAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "sent_for", "sent_at"]
    search_fields = ["key", "recipient__username"]
    readonly_fields = ["recipient", "key", "subject", "sent_for", "sent_at"]
