"""Plugin core of BEN CMS; each plugin lives in its own subpackage as a Django app."""
