from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CategoryAlias, ColumnAlias, ImportRun, Indicator, Measurement, Target


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


@admin.register(ColumnAlias)
class ColumnAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "field"]
    list_filter = ["field"]
    search_fields = ["alias"]


@admin.register(CategoryAlias)
class CategoryAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "category_code"]
    list_filter = ["category_code"]
    search_fields = ["alias"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "file_name", "status", "source", "created_by", "created_at", "rows_read", "summary"]
    list_filter = ["kind", "status", "source"]
    search_fields = ["file_name", "checksum"]
    readonly_fields = [field.name for field in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False  # runs are made by the import page, the command and the scheduled job
