"""BEN CMS: the Django project of the Bitburger Engagement Netz."""

__version__ = "0.1.0"
