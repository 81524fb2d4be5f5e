from django.contrib import admin

from .models import CategoryAlias, ColumnAlias, ImportRun


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
