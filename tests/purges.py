"""A frontend-cache backend for the tests: it records the surrogate keys it is asked to purge
(sorted, one tuple per purge) and fails while ``failing`` is set."""

from cms.api.frontend_cache import PurgeFailed


class RecordingBackend:
    purged: list[tuple[str, ...]] = []
    failing = False

    def __init__(self, params):
        pass

    def purge_keys(self, keys):
        RecordingBackend.purged.append(tuple(sorted(keys)))
        if RecordingBackend.failing:
            raise PurgeFailed("connection refused")


RECORDING = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
