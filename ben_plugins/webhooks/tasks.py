"""The background task that delivers a webhook, rescheduling itself with backoff."""

from django_tasks import task

from .delivery import attempt
from .models import WebhookDelivery


@task()
def deliver_webhook(delivery_pk: int) -> str:
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_pk)
    if delivery.status in WebhookDelivery.FINAL:
        return delivery.status
    attempt(delivery).save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        schedule_retry(delivery)
    return delivery.status


def schedule_retry(delivery: WebhookDelivery) -> None:
    """Queue the next attempt for ``next_attempt_at``.

    A backend without deferred tasks (the immediate backend of tests and small setups)
    runs the retry at once; production uses the database backend and `db_worker`.
    """
    if deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:
        deliver_webhook.enqueue(delivery.pk)
