"""The headless content API: /api/v1/ built around an endpoint registry."""
