"""The plugin framework: discovery, metadata, the loaded plugins, per-site activation, the
guard that keeps a switched-off plugin unreachable, content signals and checks."""
