"""URL converters for the plan: <code:…> is a project code such as 2.1."""

from core.converters import register

register("code", r"\d{1,2}\.\d{1,2}")
