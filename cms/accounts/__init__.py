"""Staff accounts: the second factor (TOTP) and the login throttle."""
