"""django-filter FilterSets of the content API, one module per concern."""
