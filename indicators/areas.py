"""What a figure is about: the nation, an RMC region, a municipality (room for an institution). An Area is a
kind and a code, written as one key in URLs and the API: `nl`, `regio-10`, `gemeente-0193`. Pure Python.

The key holds DUO's own code, not a row of ours: a figure of region 10 stays a fact about region 10 as DUO
counted it that year, whatever later happens to our Region row (a rename, a split).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

NATION, REGION, MUNICIPALITY, INSTITUTION = "land", "regio", "gemeente", "instelling"

KIND_CHOICES = [
    (NATION, _("Nederland")),
    (REGION, _("RMC-regio")),
    (MUNICIPALITY, _("gemeente")),
    (INSTITUTION, _("instelling")),
]
NATION_CODE = "nl"


@dataclass(frozen=True, order=True)
class Area:
    kind: str
    code: str

    @property
    def key(self) -> str:
        return NATION_CODE if self.kind == NATION else f"{self.kind}-{self.code}"

    @classmethod
    def parse(cls, key: str) -> "Area":
        """ "nl" → the nation, "regio-10" → region 10, "gemeente-0193" → municipality 0193; ValueError otherwise."""
        key = (key or "").strip().lower()
        if key == NATION_CODE:
            return NATION_AREA
        kind, _sep, code = key.partition("-")
        if kind == REGION and code.isascii() and code.isdigit() and len(code) <= 3:
            return cls(REGION, f"{int(code):02d}")
        if kind == MUNICIPALITY and code.isascii() and code.isdigit() and len(code) <= 4:
            return cls(MUNICIPALITY, f"{int(code):04d}")
        if kind == INSTITUTION and code.isalnum():
            return cls(INSTITUTION, code.upper())
        raise ValueError(key)

    @classmethod
    def region(cls, code: str) -> "Area":
        return cls(REGION, code)

    @property
    def is_nation(self) -> bool:
        return self.kind == NATION

    def words(self) -> str:
        """ "Nederland", "regio 10", "gemeente 0193": the area in a message, without a query for its name."""
        if self.is_nation:
            return str(_("Nederland"))
        return f"{dict(KIND_CHOICES)[self.kind]} {self.code}".replace("RMC-regio", "regio")


NATION_AREA = Area(NATION, NATION_CODE)
