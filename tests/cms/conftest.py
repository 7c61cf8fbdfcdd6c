"""Fixtures shared by the tests of several cms apps."""

import pytest

from cms.pages import recurrence


@pytest.fixture
def expansions(monkeypatch):
    """The starts of the events whose rules are expanded (cms.pages.recurrence.expand)."""
    expanded = []
    original = recurrence.expand

    def counting_expand(start, *args, **kwargs):
        expanded.append(start)
        return original(start, *args, **kwargs)

    monkeypatch.setattr(recurrence, "expand", counting_expand)
    return expanded
