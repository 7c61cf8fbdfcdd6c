"""Two clubs with a profile, an event and one item of every ClubContent type each, live and
as a never-published draft, and one user per role; shared by the matrix, workflow and
dashboard tests."""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group

from cms.moderation.models import ClubMembership
from cms.moderation.policies import club_content_models
from cms.moderation.roles import ADMINISTRATORS, MODERATORS
from tests.conftest import build_site_tree
from tests.factories.pages import ClubPageFactory, EventPageFactory
from tests.factories.snippets import ClubContentFactory
from tests.factories.users import UserFactory


@dataclass(frozen=True)
class Role:
    """A kind of admin user: which clubs they edit, whether they moderate everything."""

    name: str
    clubs: frozenset[str] = frozenset()
    moderates: bool = False
    anonymous: bool = False
    board: bool = False


ROLES = (
    Role("anonym", anonymous=True),
    Role("redaktion-a", clubs=frozenset({"A"})),
    Role("redaktion-b", clubs=frozenset({"B"})),
    Role("redaktion-ab", clubs=frozenset({"A", "B"}), board=True),
    Role("moderation", moderates=True),
    Role("administration", moderates=True),
)
ROLE_GROUPS = {"moderation": MODERATORS, "administration": ADMINISTRATORS}


def factory_for(model):
    """The test factory of a ClubContent model; plugins add theirs next to their model."""

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    for candidate in subclasses(ClubContentFactory):
        if candidate._meta.model is model:
            return candidate
    raise LookupError(f"No ClubContentFactory subclass for {model._meta.label}")


@dataclass
class ModerationWorld:
    site_tree: object
    clubs: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)
    snippets: dict = field(default_factory=dict)  # (model, club key) -> instance
    draft_events: dict = field(default_factory=dict)
    draft_snippets: dict = field(default_factory=dict)  # (model, club key) -> instance
    users: dict = field(default_factory=dict)


def build_world() -> ModerationWorld:
    world = ModerationWorld(site_tree=build_site_tree())
    for key in ("A", "B"):
        club = ClubPageFactory(parent=world.site_tree.clubs, title=f"Verein {key}")
        club.save_revision().publish()
        event = EventPageFactory(parent=club, title=f"Fest von Verein {key}")
        event.save_revision().publish()
        world.clubs[key], world.events[key] = club, event
        world.draft_events[key] = EventPageFactory(
            parent=club, title=f"Entwurf einer Veranstaltung von Verein {key}", live=False
        )
        world.draft_events[key].save_revision()
        for model in club_content_models():
            name = f"{model._meta.verbose_name} von Verein {key}"
            world.snippets[model, key] = factory_for(model)(club=club, title=name, published=True)
            draft = factory_for(model)(club=club, title=f"Entwurf: {name}")
            draft.save_revision()
            world.draft_snippets[model, key] = draft
    for role in ROLES:
        if role.anonymous:
            continue
        user = UserFactory(username=role.name)
        for key in sorted(role.clubs):
            ClubMembership.objects.create(
                user=user,
                club=world.clubs[key],
                role=ClubMembership.Role.BOARD if role.board else ClubMembership.Role.EDITOR,
            )
        if role.name in ROLE_GROUPS:
            user.groups.add(Group.objects.get(name=ROLE_GROUPS[role.name]))
        world.users[role.name] = user
    return world
