"""Example BEN CMS plugin: one of each extension point."""
