"""URL converters for path segments that must match a pattern and stay text: a project code (2.1), a school year
(2020-2021), a half-year (2025-H1). Each app registers its own with `register(name, regex)`."""

from django.urls import register_converter


class TextConverter:
    regex = ""

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


def register(name: str, regex: str) -> None:
    """Make <name:…> available in URL patterns, matching `regex`."""
    register_converter(type(f"{name.title()}Converter", (TextConverter,), {"regex": regex}), name)


class IdConverter:
    """<id:pk>: a number that fits the database's 64-bit keys (at most 18 digits); a longer one is no page (404),
    where Django's <int:> would pass it on and the database would fail on it."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
