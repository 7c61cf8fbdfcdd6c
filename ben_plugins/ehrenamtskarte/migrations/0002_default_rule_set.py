"""The state's published criteria as the first rule set (valid from 2000-01-01)."""

import datetime

from django.db import migrations


def create_rule_set(apps, schema_editor):
    RuleSet = apps.get_model("ehrenamtskarte", "RuleSet")
    RuleSet.objects.get_or_create(
        valid_from=datetime.date(2000, 1, 1),
        defaults={
            "name": "Ehrenamtskarte Rheinland-Pfalz (Landeskriterien)",
            "min_age": 14,
            "min_hours_per_week": 5,
            "min_hours_per_year": 250,
            "weeks_per_year": 50,
            "min_months": 12,
            "jubilee_years": 25,
            "validity_years": 2,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("ehrenamtskarte", "0001_initial")]

    operations = [migrations.RunPython(create_rule_set, migrations.RunPython.noop)]
