from django.db import migrations, models
from django.db.models import Count


def rename_closed(old, new):
    """The closed status is now stored as it is named: "afgesloten" (history rows too); back again on reverse."""

    def rename(apps, schema_editor):
        for name in ("Programme", "HistoricalProgramme"):
            apps.get_model("projects", name).objects.filter(status=old).update(status=new)

    return rename


def one_programme_per_period(apps, schema_editor):
    """The period becomes the programme's key in its URL. Two programmes of one region for the same years cannot
    be told apart there; say which, rather than merging or renumbering someone's plan."""
    Programme = apps.get_model("projects", "Programme")
    twins = Programme.objects.values("region__code", "first_year", "last_year").annotate(n=Count("pk")).filter(n__gt=1)
    if twins:
        listed = ", ".join(f"regio {t['region__code']} {t['first_year']}-{t['last_year']}" for t in twins)
        raise RuntimeError(
            f"Meer dan één programma voor dezelfde regio en jaren ({listed}): pas de jaren van één ervan aan in het "
            "beheer en migreer opnieuw."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_one_active_programme_per_region"),
    ]

    operations = [
        migrations.RunPython(rename_closed("afgerond", "afgesloten"), rename_closed("afgesloten", "afgerond")),
        migrations.RunPython(one_programme_per_period, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalprogramme",
            name="status",
            field=models.CharField(
                choices=[("concept", "concept"), ("actief", "actief"), ("afgesloten", "afgesloten")],
                default="actief",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="programme",
            name="status",
            field=models.CharField(
                choices=[("concept", "concept"), ("actief", "actief"), ("afgesloten", "afgesloten")],
                default="actief",
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddConstraint(
            model_name="programme",
            constraint=models.UniqueConstraint(
                fields=("region", "first_year", "last_year"),
                name="one_programme_per_region_period",
                violation_error_message="Deze regio heeft al een programma voor deze jaren.",
            ),
        ),
    ]
