"""factory_boy factories for every model the tests build."""
