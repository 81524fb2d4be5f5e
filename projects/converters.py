"""URL converters for the plan: <code:…> is a project code such as 2.1."""

from django.urls import register_converter


class ProjectCodeConverter:
    regex = r"\d{1,2}\.\d{1,2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ProjectCodeConverter, "code")
