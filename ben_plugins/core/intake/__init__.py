"""Public intake of submissions from citizens, built once for every plugin.

A plugin declares a model (a subclass of ``models.Submission``), a DRF serializer and a
consent text; ``views.IntakeViewSet`` takes it as JSON under ``/api/v1/<plugin>/…`` and
``views.IntakeFormView`` as a German HTML form under ``/mitmachen/<plugin>/…``. Both run the
same steps (``service.accept``): honeypot, rate limits, size limit, validation, consent, an
unconfirmed record and a confirmation email; the record counts only after its link was
clicked (double opt-in) and unconfirmed ones are deleted after 48 hours
(``service.delete_unconfirmed``).
"""
