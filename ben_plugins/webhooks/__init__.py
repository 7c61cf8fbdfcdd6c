"""Plugin "webhooks": signed HTTP notifications to external systems when content changes."""
