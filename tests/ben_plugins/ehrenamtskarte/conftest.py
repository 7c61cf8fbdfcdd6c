"""Time frozen at NOW for every test of the plugin (no freezegun: timezone.now is patched)."""

from datetime import UTC, datetime

import pytest
from django.utils import timezone

NOW = datetime(2027, 6, 15, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def frozen(monkeypatch):
    """Call frozen(moment) to move the clock; starts at NOW."""
    monkeypatch.setattr(timezone, "now", lambda: NOW)

    def move(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move
