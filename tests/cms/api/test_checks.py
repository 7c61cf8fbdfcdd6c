"""A malformed rate limit stops `manage.py check` instead of failing every API request."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings


@pytest.mark.parametrize("rate", ["100/fortnight", "100", "abc/minute", "0/minute", "-5/hour"])
@pytest.mark.parametrize("setting", ["API_RATE_LIMIT_ANONYMOUS", "API_RATE_LIMIT_CLIENT"])
def test_malformed_rate_is_a_check_error_naming_the_setting(setting, rate):
    with override_settings(**{setting: rate}), pytest.raises(SystemCheckError) as error:
        call_command("check")
    assert "api.E001" in str(error.value)
    assert f"{setting}={rate!r} is not a valid rate limit." in str(error.value)


@pytest.mark.parametrize("rate", ["120/minute", "5/s", "10000/hour", "3/days", "7/min"])
def test_well_formed_rates_pass(rate):
    with override_settings(API_RATE_LIMIT_ANONYMOUS=rate, API_RATE_LIMIT_CLIENT=rate):
        call_command("check")
