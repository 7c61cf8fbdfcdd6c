"""The domain layer every other layer shares: the publication rule, site resolution, shared
model fields. It imports nothing of BEN above it (import-linter checks that)."""
