"""Serializers of the content API: shared fields, page types, moderated snippets, taxonomy."""
