"""The shipped deployment files name commands that exist."""

import re
from pathlib import Path

from django.core.management import get_commands

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def test_every_daily_job_is_a_management_command():
    unit = (DEPLOY / "systemd" / "ben-daily.service").read_text()
    jobs = re.findall(r"^ExecStart=-\S+ manage\.py (\S+)$", unit, flags=re.M)
    assert jobs[0] == "store_event_occurrences" and jobs[-1] == "ben_retention"
    assert set(jobs) <= set(get_commands())


def test_every_daily_command_of_a_plugin_is_in_the_daily_unit():
    """A plugin's reminder command that no timer starts never reminds anyone."""
    unit = (DEPLOY / "systemd" / "ben-daily.service").read_text()
    daily = {
        name
        for name, app in get_commands().items()
        if app.startswith("ben_plugins.") and re.search(r"_daily$|inform", name)
    }
    assert daily and all(f"manage.py {name}\n" in unit for name in daily)
