"""The example plugin must come in through its entry point, like any third-party plugin."""

from django.conf import settings

if "ben_example_plugin" not in settings.INSTALLED_APPS:
    raise RuntimeError(
        "Das Beispiel-Plugin ist nicht installiert. Vor den Tests ausführen: "
        "pip install -e tests/example_plugin"
    )
