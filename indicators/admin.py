from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Category, CategoryAlias, ColumnAlias, Figure, ImportRun, Indicator, Norm, Target


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "category", "group", "direction", "baseline", "programme"]
    list_filter = ["programme", "group", "direction"]
    search_fields = ["code", "name"]
    filter_horizontal = ["projects"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "school_year", "value"]
    list_filter = ["indicator__programme", "school_year"]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "group", "kind", "unit", "programme"]
    list_filter = ["kind", "group"]
    search_fields = ["code", "name"]


@admin.register(Figure)
class FigureAdmin(SimpleHistoryAdmin):
    """The shared figures: who may change them is the data stewards' business (the admin is for administrators)."""

    list_display = ["category", "area_kind", "area_code", "school_year", "breakdown", "breakdown_value", "value"]
    list_filter = ["category", "area_kind", "school_year", "finality", "source", "breakdown"]
    search_fields = ["area_code", "breakdown_value", "source_detail"]


@admin.register(Norm)
class NormAdmin(SimpleHistoryAdmin):
    list_display = ["category", "school_year", "value", "source_detail"]
    list_filter = ["category", "school_year"]


@admin.register(ColumnAlias)
class ColumnAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "field"]
    list_filter = ["field"]
    search_fields = ["alias"]


@admin.register(CategoryAlias)
class CategoryAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "category"]
    list_filter = ["category"]
    search_fields = ["alias"]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = [
        "pk",
        "kind",
        "file_name",
        "status",
        "source",
        "programme",
        "created_by",
        "created_at",
        "rows_read",
        "summary",
    ]
    list_filter = ["kind", "status", "source", "programme"]
    search_fields = ["file_name", "checksum"]
    readonly_fields = [field.name for field in ImportRun._meta.fields]

    def has_add_permission(self, request):
        return False  # runs are made by the import page, the command and the scheduled job
