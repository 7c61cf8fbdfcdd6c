"""Page types of BEN CMS, one module per domain."""

from .benefits import BenefitPartnerIndexPage, BenefitPartnerPage
from .clubs import ClubIndexPage, ClubPage
from .events import (
    LISTED_OCCURRENCES,
    EventExceptionDate,
    EventIndexPage,
    EventOccurrence,
    EventPage,
    OccurrenceWindow,
)
from .home import HomePage
from .legal import LegalPage
from .news import NewsIndexPage
from .strategy import StrategyChapterPage, StrategyIndexPage

__all__ = [
    "LISTED_OCCURRENCES",
    "BenefitPartnerIndexPage",
    "BenefitPartnerPage",
    "ClubIndexPage",
    "ClubPage",
    "EventExceptionDate",
    "EventIndexPage",
    "EventOccurrence",
    "EventPage",
    "HomePage",
    "LegalPage",
    "NewsIndexPage",
    "OccurrenceWindow",
    "StrategyChapterPage",
    "StrategyIndexPage",
]
