"""Local development and the demo: debug on, embedded SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .env import env_base_url, env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# The demo runs on PORT (dev.py demo): links point there unless BEN_BASE_URL says otherwise.
BEN_BASE_URL = env_base_url("BEN_BASE_URL", f"http://localhost:{env_str('PORT', '8000')}")
WAGTAILADMIN_BASE_URL = BEN_BASE_URL
