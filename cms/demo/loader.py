"""Idempotent loading of the BEN seed content defined in cms.demo.content.

Every object is keyed by its slug (a page by its slug under its parent). An object that
already matches its seed data is left untouched, so a second run writes nothing: no new
pages, no new revisions. An object that differs from the seed data (edited in the admin,
unpublished, or with a pending draft) is kept as it is, unless ``overwrite=True``, which
publishes the seed state as a new revision. Pages and moderated snippets are always
published through revisions, as an editor would.
"""

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.db import models, transaction
from wagtail.blocks import StreamValue
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail.search import index

from cms.core.sites import base_url_host_and_port
from cms.pages.models import (
    BenefitPartnerIndexPage,
    BenefitPartnerPage,
    ClubIndexPage,
    ClubPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LegalPage,
    NewsIndexPage,
    StrategyChapterPage,
    StrategyIndexPage,
)
from cms.snippets.models import Category, NewsItem, TargetGroup, TrainingOffer, VolunteerOpportunity

from .content import benefits, clubs, events, home, legal, news, offers, strategy, taxonomy
from .logos import generated_logo


class LoadError(Exception):
    """The seed data cannot be loaded into this database (e.g. a slug is taken)."""


class Outcome(StrEnum):
    CREATED = "angelegt / created"
    UPDATED = "aktualisiert / updated"
    UNCHANGED = "unverändert / unchanged"
    KEPT = "abweichend, belassen / differs, kept"


SECTIONS = {
    "taxonomy": "Kategorien und Zielgruppen / categories and target groups",
    "site": "Startseite und Bereiche / home and section pages",
    "strategy": "Engagementstrategie / strategy chapters",
    "clubs": "Vereine und Einrichtungen / clubs and institutions",
    "logos": "Vereinslogos (generiert) / generated club logos",
    "benefits": "Vorteilspartner Ehrenamtskarte / benefit partners",
    "events": "Veranstaltungen / events",
    "news": "Neuigkeiten / news items",
    "opportunities": "Engagementangebote / volunteer opportunities",
    "trainings": "Fortbildungen / training offers",
}

# The default page Wagtail's initial migration creates as the site root.
WELCOME_PAGE_SLUG = "home"


@dataclass
class LoadReport:
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    details: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    touched: list[models.Model] = field(default_factory=list)

    def record(self, section: str, outcome: Outcome, obj: models.Model) -> None:
        self.counts[section][outcome] += 1
        self.details.append(f"{SECTIONS[section]}: {obj} – {outcome}")
        if outcome in (Outcome.CREATED, Outcome.UPDATED):
            self.touched.append(obj)

    def summary_lines(self) -> list[str]:
        lines = []
        for section, label in SECTIONS.items():
            counter = self.counts[section]
            numbers = ", ".join(f"{counter[outcome]} {outcome}" for outcome in Outcome)
            lines.append(f"{label}: {numbers}")
        return lines + self.notes


class BenContentLoader:
    """Loads the sections in dependency order: taxonomy and clubs before what refers to them."""

    def __init__(self, *, overwrite: bool = False):
        self.overwrite = overwrite
        self.report = LoadReport()
        self.categories: dict[str, Category] = {}
        self.target_groups: dict[str, TargetGroup] = {}
        self.clubs: dict[str, ClubPage] = {}

    def load(self) -> LoadReport:
        with transaction.atomic():
            self.load_taxonomy()
            home_page = self.load_home()
            self.load_strategy(home_page)
            self.load_clubs(home_page)
            self.load_club_logos()
            self.load_benefit_partners(home_page)
            self.load_events(home_page)
            self.load_club_content()
            self.load_news_and_legal_pages(home_page)
            self.update_search_index()
        return self.report

    # Sections

    def load_taxonomy(self) -> None:
        for spec in taxonomy.CATEGORIES:
            self.categories[spec["slug"]] = self.sync_term(Category, spec)
        for spec in taxonomy.TARGET_GROUPS:
            self.target_groups[spec["slug"]] = self.sync_term(TargetGroup, spec)

    def load_home(self) -> HomePage:
        home_page = self.sync_page("site", tree_root(), HomePage, home.HOME)
        self.make_default_site_root(home_page)
        return home_page

    def load_strategy(self, home_page: HomePage) -> None:
        strategy_index = self.sync_page("site", home_page, StrategyIndexPage, strategy.INDEX)
        self.load_chapters(strategy_index, strategy.CHAPTERS)

    def load_chapters(self, parent: Page, chapters: list[dict]) -> None:
        for spec in chapters:
            chapter = self.sync_page("strategy", parent, StrategyChapterPage, spec, "children")
            self.load_chapters(chapter, spec["children"])

    def load_clubs(self, home_page: HomePage) -> None:
        club_index = self.sync_page("site", home_page, ClubIndexPage, clubs.INDEX)
        for spec in clubs.CLUBS:
            self.clubs[spec["slug"]] = self.sync_page("clubs", club_index, ClubPage, spec)

    def load_club_logos(self) -> None:
        """A generated logo for every seed club without one; a logo an editor chose, or a
        club with a pending draft, is left alone."""
        for slug, loaded in self.clubs.items():
            # Fresh from the database: a page just published here still has its draft flags.
            club = self.clubs[slug] = ClubPage.objects.get(pk=loaded.pk)
            if club.logo_id is not None:
                outcome = Outcome.UNCHANGED
            elif not club.live or club.has_unpublished_changes:
                outcome = Outcome.KEPT
            else:
                club.logo = generated_logo(club.title, slug)
                club.save_revision().publish()
                outcome = Outcome.CREATED
            self.report.record("logos", outcome, club)

    def load_news_and_legal_pages(self, home_page: HomePage) -> None:
        self.sync_page("site", home_page, NewsIndexPage, news.INDEX)
        for spec in legal.PAGES:
            self.sync_page("site", home_page, LegalPage, spec)

    def load_benefit_partners(self, home_page: HomePage) -> None:
        card = self.sync_page("site", home_page, BenefitPartnerIndexPage, benefits.INDEX)
        for spec in benefits.PARTNERS:
            self.sync_page("benefits", card, BenefitPartnerPage, spec)

    def load_events(self, home_page: HomePage) -> None:
        calendar = self.sync_page("site", home_page, EventIndexPage, events.INDEX)
        for spec in events.EVENTS:
            parent = self.lookup(self.clubs, spec["parent"]) if spec["parent"] else calendar
            self.sync_page("events", parent, EventPage, spec, "parent")

    def load_club_content(self) -> None:
        for section, model, specs in (
            ("news", NewsItem, news.NEWS),
            ("opportunities", VolunteerOpportunity, offers.OPPORTUNITIES),
            ("trainings", TrainingOffer, offers.TRAININGS),
        ):
            for spec in specs:
                self.sync_snippet(section, model, spec)

    def make_default_site_root(self, home_page: HomePage) -> None:
        """Point the default site at the home page; drop Wagtail's untouched welcome page."""
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            hostname, port = base_url_host_and_port(settings.BEN_BASE_URL)
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home_page,
                is_default_site=True,
                site_name=home_page.title,
            )
            self.report.notes.append(
                f"Standard-Site angelegt / default site created: {hostname}:{port}"
            )
            return
        if site.root_page_id == home_page.pk:
            return
        previous_root = site.root_page
        site.root_page = home_page
        site.site_name = site.site_name or home_page.title
        site.save()
        self.report.notes.append(
            f"Startseite der Standard-Site ist jetzt / default site root is now: {home_page}"
        )
        if is_untouched_welcome_page(previous_root):
            previous_root.delete()
            self.report.notes.append(
                "Wagtails Willkommensseite gelöscht / Wagtail's welcome page deleted"
            )

    def update_search_index(self) -> None:
        """Index what was written, also when the task backend defers the automatic update."""
        for obj in self.report.touched:
            index.insert_or_update_object(type(obj).objects.get(pk=obj.pk))

    # Synchronisation of single objects

    def sync_term(self, model: type[models.Model], spec: dict) -> models.Model:
        values = self.field_values(spec)
        term = model.objects.filter(slug=spec["slug"]).first()
        if term is None:
            term = model.objects.filter(name=values["name"]).first()
        if term is None:
            term = model.objects.create(slug=spec["slug"], **values)
            outcome = Outcome.CREATED
        elif matches(term, values):
            outcome = Outcome.UNCHANGED
        elif self.overwrite:
            assign(term, values)
            term.save()
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.KEPT
        self.report.record("taxonomy", outcome, term)
        return term

    def sync_page(
        self, section: str, parent: Page, model: type[Page], spec: dict, *skip: str
    ) -> Page:
        slug = spec["slug"]
        values = self.field_values(spec, *skip)
        existing = Page.objects.child_of(parent).filter(slug=slug).first()
        if existing is None:
            page = model(slug=slug)
            assign(page, values)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.report.record(section, Outcome.CREATED, page)
            return page
        page = existing.specific
        if not isinstance(page, model):
            raise LoadError(
                f"Unter „{parent.title}“ gibt es schon die Seite „{page.title}“ mit dem Kürzel "
                f"„{slug}“, aber sie ist kein(e) {model._meta.verbose_name}."
            )
        self.sync_existing(section, page, values)
        return page

    def sync_snippet(self, section: str, model: type[models.Model], spec: dict) -> None:
        values = self.field_values(spec)
        snippet = model.objects.filter(slug=spec["slug"]).first()
        if snippet is None:
            snippet = model(slug=spec["slug"], live=False)
            assign(snippet, values)
            snippet.save()
            snippet.save_revision().publish()
            self.report.record(section, Outcome.CREATED, snippet)
        else:
            self.sync_existing(section, snippet, values)

    def sync_existing(self, section: str, obj, values: dict) -> None:
        """Leave a live object that matches its seed alone; otherwise keep or overwrite it."""
        if obj.live and not obj.has_unpublished_changes and matches(obj, values):
            outcome = Outcome.UNCHANGED
        elif self.overwrite:
            assign(obj, values)
            obj.save_revision().publish()
            outcome = Outcome.UPDATED
        else:
            outcome = Outcome.KEPT
        self.report.record(section, outcome, obj)

    def field_values(self, spec: dict, *skip: str) -> dict:
        """Model field values of a spec: slugs of related objects resolved to the objects."""
        values = {}
        for name, value in spec.items():
            if name in ("slug", *skip):
                continue
            if name in ("club", "organiser"):
                value = self.lookup(self.clubs, value)
            elif name == "categories":
                value = [self.lookup(self.categories, slug) for slug in value]
            elif name == "target_groups":
                value = [self.lookup(self.target_groups, slug) for slug in value]
            values[name] = value
        return values

    @staticmethod
    def lookup(objects: dict, slug: str):
        try:
            return objects[slug]
        except KeyError:
            raise LoadError(f"Unbekanntes Kürzel in den Seed-Daten: „{slug}“") from None


def load_ben_content(*, overwrite: bool = False) -> LoadReport:
    return BenContentLoader(overwrite=overwrite).load()


def tree_root() -> Page:
    """Wagtail's root node, recreated if the database was emptied (e.g. by `manage.py flush`,
    which also removes the root page and locale that Wagtail's migrations create)."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(
            language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
        )
        # German, as migration moderation 0004 names Wagtail's own root.
        root = Page.add_root(instance=Page(title="Alle Seiten", slug="root"))
    return root


def is_untouched_welcome_page(page: Page) -> bool:
    """True for the plain page Wagtail's initial migration creates, if nobody touched it."""
    return (
        page.depth == 2
        and page.slug == WELCOME_PAGE_SLUG
        and page.specific_class is Page
        and page.numchild == 0
        and page.latest_revision_id is None
        and not Site.objects.filter(root_page=page).exists()
    )


# Field-level comparison and assignment, by kind of model field


def assign(obj: models.Model, values: dict) -> None:
    for name, value in values.items():
        model_field = obj._meta.get_field(name)
        if model_field.many_to_many:
            getattr(obj, name).set(value)
        elif model_field.one_to_many:
            setattr(obj, name, [model_field.related_model(**item) for item in value])
        else:
            # Copy, because Wagtail writes block ids into raw StreamField data it is given.
            setattr(obj, name, copy.deepcopy(value))


def matches(obj: models.Model, values: dict) -> bool:
    return all(field_matches(obj, name, value) for name, value in values.items())


def field_matches(obj: models.Model, name: str, wanted) -> bool:
    model_field = obj._meta.get_field(name)
    current = getattr(obj, name)
    if model_field.many_to_many:
        return {item.pk for item in current.all()} == {item.pk for item in wanted}
    if model_field.one_to_many:
        return _child_rows(current.all(), wanted) == _child_rows(wanted, wanted)
    if model_field.many_to_one:
        return getattr(obj, model_field.attname) == (wanted.pk if wanted else None)
    if isinstance(model_field, StreamField):
        return stream_data(model_field, current) == stream_data(model_field, wanted)
    return current == wanted


def _child_rows(children, wanted: list[dict]) -> list[tuple]:
    """Inline children as sorted tuples of the fields the seed sets."""
    names = sorted({name for item in wanted for name in item})

    def field_value(child, name):
        return child[name] if isinstance(child, dict) else getattr(child, name)

    return sorted(tuple(field_value(child, name) for name in names) for child in children)


def stream_data(model_field: StreamField, value) -> list:
    """StreamField content in canonical raw form without block ids, for comparison."""
    if not isinstance(value, StreamValue):
        value = model_field.to_python(copy.deepcopy(value))
    return _without_ids(
        [
            {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
            for child in value
        ]
    )


def _without_ids(data):
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    if isinstance(data, dict):
        return {key: _without_ids(item) for key, item in data.items() if key != "id"}
    return data
