"""A frontend-cache backend that records the surrogate keys it is asked to purge."""


class RecordingBackend:
    purged: list[tuple[str, ...]] = []

    def __init__(self, params):
        pass

    def purge_keys(self, keys):
        RecordingBackend.purged.append(tuple(sorted(keys)))


RECORDING = {"recording": {"BACKEND": f"{__name__}.RecordingBackend"}}
