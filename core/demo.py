"""Helpers every demo loader uses: reading YAML numbers exactly and idempotent upserts."""

from decimal import Decimal
from pathlib import Path

import yaml


def read_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def yaml_decimal(value) -> Decimal | None:
    """A number from a demo YAML file as Decimal (through str, so 0.1 stays 0.1); empty stays None."""
    return None if value is None else Decimal(str(value))


def upsert(model, defaults: dict, *, reason: str = "demo geladen", **lookup):
    """Like update_or_create, but saves (and so writes history) only when something changed. Every demo
    loader uses it, so running `load_demo` twice adds no rows and no history."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        instance = model(**lookup, **defaults)
        instance._change_reason = reason
        instance.save()
        return instance
    changed = [field for field, value in defaults.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, defaults[field])
        instance._change_reason = reason
        instance.save()
    return instance
