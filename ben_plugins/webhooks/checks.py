"""Deployment check: webhook retries need a task backend that can defer tasks."""

from django.core import checks

from .tasks import deliver_webhook


@checks.register("ben_plugins", deploy=True)
def check_task_backend(app_configs=None, **kwargs):
    if deliver_webhook.get_backend().supports_defer:
        return []
    return [
        checks.Warning(
            "With this task backend, webhooks are delivered within the request and retries "
            "run without waiting.",
            hint="Set TASKS_BACKEND=database and run `manage.py db_worker`.",
            id="webhooks.W001",
        )
    ]
