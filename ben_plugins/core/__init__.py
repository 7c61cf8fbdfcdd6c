"""The plugin framework: discovery, metadata, per-site activation, signals and checks."""
