import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Project, Theme
from .selectors import search_filter


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="search",
        max_length=200,  # a search term, not a document (SQLite refuses very long LIKE patterns)
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Thema"), queryset=Theme.objects.none(), empty_label=_("Alle thema's")
    )

    class Meta:
        model = Project
        fields = ["q", "theme"]

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["theme"].queryset = programme.themes.order_by("number")

    def search(self, queryset, name, value):
        return queryset.filter(search_filter(value.strip())) if value.strip() else queryset
