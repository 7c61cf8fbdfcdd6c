"""Deployment check: webhook retries need a task backend that can defer tasks."""

from django.core import checks

from .tasks import deliver_webhook


@checks.register("ben_plugins", deploy=True)
def check_task_backend(app_configs=None, **kwargs):
    if deliver_webhook.get_backend().supports_defer:
        return []
    return [
        checks.Warning(
            "Webhooks werden mit diesem Task-Backend innerhalb der Anfrage zugestellt und "
            "Wiederholungen laufen ohne Wartezeit.",
            hint="TASKS_BACKEND=database setzen und `manage.py db_worker` betreiben.",
            id="webhooks.W001",
        )
    ]
