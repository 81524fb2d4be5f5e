from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Indicator, Measurement, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "group", "direction", "baseline", "norm", "programme"]
    list_filter = ["programme", "group", "direction"]
    search_fields = ["code", "name"]
    filter_horizontal = ["projects"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "school_year", "value"]
    list_filter = ["indicator__programme", "school_year"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "region", "school_year", "value", "finality", "source", "entered_by"]
    list_filter = ["region", "school_year", "finality", "source"]
    search_fields = ["indicator__name", "source_detail"]
