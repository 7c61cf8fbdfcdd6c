"""The shipped deployment files name commands that exist, and the deployment guide names
variables that exist."""

import itertools
import re
from pathlib import Path

import yaml
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


def test_scheduled_publishing_runs_every_minute():
    """Without it, content scheduled by an editor ("Geplant") never goes live."""
    unit = (DEPLOY / "systemd" / "ben-publish-scheduled.service").read_text()
    assert re.findall(r"^ExecStart=\S+ manage\.py (\S+)$", unit, flags=re.M) == [
        "publish_scheduled"
    ]
    assert get_commands()["publish_scheduled"] == "wagtail"
    timer = (DEPLOY / "systemd" / "ben-publish-scheduled.timer").read_text()
    assert re.search(r"^OnCalendar=minutely$", timer, flags=re.M)
    assert "manage.py publish_scheduled;" in (DEPLOY / "Procfile").read_text()
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    assert "manage.py publish_scheduled;" in compose["services"]["scheduler"]["command"]


def test_every_command_the_deployment_runs_exists():
    files = [DEPLOY / "Procfile", DEPLOY / "compose.yaml", *(DEPLOY / "systemd").glob("*")]
    named = {name for path in files for name in re.findall(r"manage\.py (\w+)", path.read_text())}
    assert {"db_worker", "migrate", "publish_scheduled", "ben_retention"} <= named
    assert named <= set(get_commands())


ROOT = DEPLOY.parent
ENV_NAME = r"`([A-Z][A-Z0-9_]+)`"


def names_in_first_column(markdown: str, section: str) -> set[str]:
    """The variables named in the first column of the first table after ``section``."""
    lines = markdown.split(section, 1)[1].splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("|"))
    rows = itertools.takewhile(lambda line: line.startswith("|"), lines[start + 2 :])
    return {name for row in rows for name in re.findall(ENV_NAME, row.split("|")[1])}


def variables_read_by_settings() -> set[str]:
    """Read by the settings, or by a plugin (VERMITTLUNG_AGENCY_EMAIL)."""
    files = [*(ROOT / "cms" / "settings").glob("*.py"), *(ROOT / "ben_plugins").rglob("*.py")]
    code = "\n".join(path.read_text() for path in files)
    return set(re.findall(r"(?:env_\w+|os\.environ\.get)\(\s*\"([A-Z][A-Z0-9_]+)\"", code))


def test_the_deployment_guides_variables_are_read_and_in_the_readme():
    deployment = (ROOT / "docs" / "deployment.md").read_text()
    documented = names_in_first_column(deployment, "## Environment variables")
    readme = names_in_first_column((ROOT / "README.md").read_text(), "## Configuration")
    assert documented - {"DJANGO_SETTINGS_MODULE"} <= variables_read_by_settings()
    assert documented - {"DJANGO_SETTINGS_MODULE"} <= readme


def test_the_deployment_guide_names_every_variable_production_requires():
    production = (ROOT / "cms" / "settings" / "production.py").read_text()
    required = set(re.findall(r"env_required\(\"([A-Z0-9_]+)\"\)", production))
    deployment = (ROOT / "docs" / "deployment.md").read_text()
    assert required == {"SECRET_KEY", "ALLOWED_HOSTS", "BEN_BASE_URL"}
    assert required <= names_in_first_column(deployment, "## Environment variables")


def test_the_compose_sketch_gives_no_web_server_the_uploads():
    """BEN serves MEDIA_ROOT itself (the approval check of club uploads)."""
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    media_root = compose["x-ben"]["environment"]["MEDIA_ROOT"]
    carrying_uploads = {
        volume.split(":")[0]
        for volume in compose["x-ben"]["volumes"]
        if (media_root + "/").startswith(volume.split(":")[1].rstrip("/") + "/")
    }
    assert carrying_uploads
    for name in ("files", "varnish"):
        mounted = {volume.split(":")[0] for volume in compose["services"][name]["volumes"]}
        assert not mounted & carrying_uploads, name
