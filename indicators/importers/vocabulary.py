"""The words DUO uses for columns and categories, kept as data (ColumnAlias, CategoryAlias) the admin can extend.

`normalise` decides when two spellings are the same word: case, spaces, hyphens, underscores and
apostrophes do not count, so "AANTAL VSV'ERS", "Aantal vsv-ers" and "AANTAL_VSV_ERS" are one alias.
"""

import re
from dataclasses import dataclass, field

_APOSTROPHES = str.maketrans({"'": " ", "’": " ", "‘": " ", "`": " ", "´": " ", "-": " ", "_": " ", "–": " "})
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """One spelling for a header or category: upper case, one space between words, "/" and "%" as words."""
    text = str(text).replace("\ufeff", "").translate(_APOSTROPHES).replace("/", " / ").replace("%", " %")
    return _SPACES.sub(" ", text).strip().upper()


@dataclass(frozen=True)
class Vocabulary:
    """Column aliases (normalised alias → field) and category aliases (normalised alias → category code)."""

    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    def field_for(self, header: str) -> str | None:
        return self.columns.get(normalise(header))

    def category_for(self, name: str) -> str | None:
        """The category code for a name; "" means a known category that is not loaded (totals); None: unknown."""
        return self.categories.get(normalise(name))


def load_vocabulary() -> Vocabulary:
    """Both alias tables, in two queries."""
    from indicators.models import CategoryAlias, ColumnAlias

    return Vocabulary(
        columns=dict(ColumnAlias.objects.values_list("alias", "field")),
        categories=dict(CategoryAlias.objects.values_list("alias", "category_code")),
    )
