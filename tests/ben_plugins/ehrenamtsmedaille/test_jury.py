"""The jury's screen: private votes, the chair's decision by majority (ties by the chair),
the medal cap, the consecutive-year rule, merged duplicates and the carry-over."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import ModelLogEntry

from ben_plugins.ehrenamtsmedaille.factories import NominationFactory
from ben_plugins.ehrenamtsmedaille.models import Nomination, Vote

from .conftest import BERLIN

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]
JURY = "/admin/ehrenamtsmedaille/jury/"


def act(client, user, call, **data):
    client.force_login(user)
    return client.post(JURY, {"jahr": call.year, **data}, follow=True)


def vote(client, user, nomination, choice, note=""):
    response = act(
        client,
        user,
        nomination.call,
        action="vote",
        nomination=nomination.pk,
        choice=choice,
        note=note,
    )
    assert response.status_code == 200
    return response


def votes(client, jurors, nomination, *choices):
    for juror, choice in zip(jurors, choices, strict=False):
        vote(client, juror, nomination, choice)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def refresh(nomination) -> Nomination:
    return Nomination.all_submissions.get(pk=nomination.pk)


def test_the_screen_shows_each_confirmed_nomination_with_its_reasons(client, jurors, nomination):
    unconfirmed = NominationFactory(call=nomination.call, confirmed_at=None, nominee_name="Zoe")
    client.force_login(jurors[1])
    page = client.get(JURY).content.decode()
    assert "Jürgen Größ" in page and nomination.reasons[:60] in page
    assert unconfirmed.nominee_name not in page


def test_a_vote_and_its_note_stay_private_until_the_other_juror_voted(client, jurors, nomination):
    vote(client, jurors[1], nomination, "medal", note="Unbedingt – seit 1998 dabei")
    client.force_login(jurors[2])
    page = client.get(JURY).content.decode()
    assert "seit 1998 dabei" not in page
    assert "Die Stimmen der anderen sehen Sie, sobald Sie selbst abgestimmt haben." in page

    page = vote(client, jurors[2], nomination, "letter").content.decode()
    assert "seit 1998 dabei" in page


def test_a_vote_is_final_once_the_juror_could_read_the_others(client, jurors, nomination):
    vote(client, jurors[1], nomination, "medal", note="Erste Stimme")
    vote(client, jurors[2], nomination, "medal")
    response = vote(client, jurors[1], nomination, "none", note="Umentschieden")
    assert any("nicht ändern" in message for message in messages_of(response))
    assert list(Vote.objects.filter(juror=jurors[1]).values_list("choice", "note")) == [
        ("medal", "Erste Stimme")
    ]
    assert 'name="choice"' not in response.content.decode()


def test_the_majority_and_the_count_stay_hidden_until_the_juror_voted(client, jurors, nomination):
    votes(client, jurors[1:], nomination, "medal", "medal", "letter")
    client.force_login(jurors[4])
    page = client.get(JURY).content.decode()
    assert "Mehrheit bisher" not in page and "3 Stimmen" not in page

    page = vote(client, jurors[4], nomination, "none").content.decode()
    assert "Mehrheit bisher: Medaille" in page and "4 Stimmen" in page


def test_the_chair_sees_a_tie_only_after_voting(client, jurors, nomination):
    votes(client, jurors[1:], nomination, "medal", "medal", "letter", "letter")
    client.force_login(jurors[0])
    assert f'name="tie-{nomination.pk}"' not in client.get(JURY).content.decode()
    vote(client, jurors[0], nomination, "none")
    assert f'name="tie-{nomination.pk}"' in client.get(JURY).content.decode()


@pytest.mark.parametrize(
    ("note", "error"),
    [("Text\x00mit NUL", "Steuerzeichen"), ("x" * 2001, "höchstens 2000 Zeichen")],
)
def test_a_note_that_cannot_be_stored_is_refused_in_german(client, jurors, nomination, note, error):
    response = vote(client, jurors[1], nomination, "medal", note=note)
    assert any(error in message for message in messages_of(response))
    assert not Vote.objects.exists()


def test_a_note_of_2000_characters_is_kept(client, jurors, nomination):
    vote(client, jurors[1], nomination, "medal", note="x" * 2000)
    assert len(Vote.objects.get().note) == 2000


def test_odd_tie_fields_and_years_are_no_server_error(client, jurors, nomination):
    response = act(client, jurors[0], nomination.call, action="close", **{"tie-²": "medal"})
    assert response.status_code == 200
    client.force_login(jurors[1])
    assert client.get(JURY, {"jahr": "zwei"}).status_code == 404
    assert client.get(JURY, {"jahr": "²"}).status_code == 404


def test_the_chair_closes_the_round_by_majority_into_the_audit_log(client, jurors, call):
    clear = NominationFactory(call=call, nominee_name="Anna Arnold")
    votes(client, jurors, clear, "medal", "medal", "medal", "letter", "none")

    response = act(client, jurors[0], call, action="close")

    assert refresh(clear).status == "medal"
    assert "1 Vorschläge entschieden." in messages_of(response)
    entry = ModelLogEntry.objects.get(object_id=str(clear.pk), action="ben.transition")
    assert entry.data["to"] == "medal" and entry.user == jurors[0]


def test_a_tie_waits_for_the_chair_and_the_chair_picks_among_the_tied(client, jurors, call):
    tied = NominationFactory(call=call, nominee_name="Bernd Becker")
    votes(client, jurors, tied, "medal", "medal", "letter", "letter")

    response = act(client, jurors[0], call, action="close")
    assert refresh(tied).status == "open"
    assert any("Gleichstand" in message for message in messages_of(response))

    response = act(client, jurors[0], call, action="close", **{f"tie-{tied.pk}": "none"})
    assert refresh(tied).status == "open"  # not one of the tied options
    assert any("Mehrheit der Jury" in message for message in messages_of(response))

    act(client, jurors[0], call, action="close", **{f"tie-{tied.pk}": "letter"})
    assert refresh(tied).status == "letter"


def test_only_the_chair_closes_the_round(client, jurors, nomination):
    votes(client, jurors, nomination, "medal", "medal", "medal")
    client.force_login(jurors[1])
    assert client.post(JURY, {"action": "close"}).status_code == 403
    assert refresh(nomination).status == "open"


def test_the_medal_cap_refuses_the_sixth_medal(client, jurors, call):
    call.max_medals = 2
    call.save()
    first, second, third = (
        NominationFactory(call=call, nominee_name=name) for name in ("Eins", "Zwei", "Drei")
    )
    for nomination in (first, second):
        votes(client, jurors, nomination, "medal", "medal", "medal")
    votes(client, jurors, third, "medal", "medal", "medal", "medal")  # strongest first

    response = act(client, jurors[0], call, action="close")

    statuses = sorted(refresh(n).status for n in (first, second, third))
    assert statuses == ["medal", "medal", "open"]
    assert refresh(third).status == "medal"
    assert any("höchstens 2 Medaillen" in message for message in messages_of(response))
    left = next(n for n in (first, second) if refresh(n).status == "open")
    # The majority's medal is refused, so the chair may give a Dankesbrief instead.
    act(client, jurors[0], call, action="close", **{f"tie-{left.pk}": "letter"})
    assert refresh(left).status == "letter"


def test_the_default_cap_is_five(client, jurors, call):
    nominations = [NominationFactory(call=call, nominee_name=f"Person {i}") for i in range(6)]
    for nomination in nominations:
        votes(client, jurors, nomination, "medal", "medal", "medal")
    act(client, jurors[0], call, action="close")
    assert Nomination.objects.filter(status="medal").count() == 5


def test_last_years_honouree_is_flagged_and_refused(client, jurors, call, previous_call):
    NominationFactory(call=previous_call, nominee_name="Clara Claßen", status="letter")
    again = NominationFactory(call=call, nominee_name="clara  claßen")
    client.force_login(jurors[1])
    assert "im Aufruf 2026 bereits geehrt (Dankesbrief)" in client.get(JURY).content.decode()
    votes(client, jurors, again, "medal", "medal", "medal")

    response = act(client, jurors[0], call, action="close")
    assert refresh(again).status == "open"
    assert any("zwei aufeinanderfolgenden Jahren" in m for m in messages_of(response))
    act(client, jurors[0], call, action="close", **{f"tie-{again.pk}": "none"})
    assert refresh(again).status == "none"


def test_the_generic_inbox_cannot_bypass_the_rules(client, jurors, call, previous_call):
    NominationFactory(call=previous_call, nominee_name="Dora", status="medal")
    again = NominationFactory(call=call, nominee_name="Dora")
    votes(client, jurors, again, "medal", "medal", "medal")
    client.force_login(jurors[0])
    url = f"/admin/ehrenamtsmedaille/nomination/transition/{again.pk}/"
    response = client.post(url, {"target": "medal"}, follow=True)
    assert refresh(again).status == "open"
    assert any("zwei aufeinanderfolgenden Jahren" in m for m in messages_of(response))


def test_duplicates_are_merged_before_a_decision(client, jurors, call):
    first = NominationFactory(call=call, nominee_name="Emil Eifel")
    second = NominationFactory(call=call, nominee_name="EMIL eifel")
    votes(client, jurors, first, "medal", "medal", "medal")

    response = act(client, jurors[0], call, action="close")
    assert refresh(first).status == "open"
    assert any("mehrere offene Vorschläge" in m for m in messages_of(response))

    act(client, jurors[0], call, action="merge", person="emil eifel")
    assert refresh(second).status == "merged" and refresh(second).merged_into == first
    act(client, jurors[0], call, action="close")
    assert refresh(first).status == "medal"


def test_carry_over_moves_open_and_not_chosen_ones_in_one_action(client, jurors, call, next_call):
    chosen = NominationFactory(call=call, nominee_name="Gewählt")
    not_chosen = NominationFactory(call=call, nominee_name="Nicht gewählt")
    undecided = NominationFactory(call=call, nominee_name="Offen")
    votes(client, jurors, chosen, "medal", "medal", "medal")
    votes(client, jurors, not_chosen, "none", "none", "none")
    act(client, jurors[0], call, action="close")

    response = act(client, jurors[0], call, action="carry_over")

    assert "2 Vorschläge in den Aufruf 2028 übernommen." in messages_of(response)
    assert refresh(chosen).call == call
    for nomination in (not_chosen, undecided):
        moved = refresh(nomination)
        assert (moved.call, moved.status, moved.carried_over_from) == (next_call, "open", 2027)
        assert moved.award_date == next_call.award_date and not moved.votes.exists()


def test_carry_over_resets_the_news_moves_duplicates_and_is_logged(client, jurors, call, next_call):
    informed = datetime(2027, 5, 2, 9, 0, tzinfo=BERLIN)
    primary = NominationFactory(call=call, nominee_name="Hanna Hahn")
    duplicate = NominationFactory(call=call, nominee_name="hanna hahn")
    act(client, jurors[0], call, action="merge", person="hanna hahn")
    votes(client, jurors, primary, "none", "none", "none")
    act(client, jurors[0], call, action="close")
    Nomination.objects.filter(pk__in=[primary.pk, duplicate.pk]).update(
        nominator_informed_at=informed
    )

    act(client, jurors[0], call, action="carry_over")

    moved, joined = refresh(primary), refresh(duplicate)
    assert (moved.call, moved.status, moved.nominator_informed_at) == (next_call, "open", None)
    assert (joined.call, joined.status, joined.merged_into) == (next_call, "merged", moved)
    assert joined.nominator_informed_at is None and joined.award_date == next_call.award_date
    entry = ModelLogEntry.objects.filter(object_id=str(primary.pk), action="ben.transition")
    assert entry.order_by("pk").last().data["comment"] == "In den Aufruf 2028 übernommen"


@pytest.mark.parametrize("status", ["open", "none"])
def test_the_record_page_offers_no_carry_over_without_a_call_change(
    client, jurors, nomination, status
):
    Nomination.objects.filter(pk=nomination.pk).update(status=status)
    client.force_login(jurors[0])
    base = "/admin/ehrenamtsmedaille/nomination/"
    page = client.get(f"{base}inspect/{nomination.pk}/").content.decode()
    assert "Ins nächste Jahr übernehmen" not in page
    client.post(f"{base}transition/{nomination.pk}/", {"target": "open"})
    assert refresh(nomination).status == status
    assert not ModelLogEntry.objects.filter(action="ben.transition").exists()


def test_carry_over_needs_next_years_call(client, jurors, nomination):
    response = act(client, jurors[0], nomination.call, action="carry_over")
    assert refresh(nomination).call == nomination.call
    assert any("Es gibt noch keinen Aufruf 2028" in m for m in messages_of(response))


def test_the_screen_needs_no_query_per_nomination(client, jurors, call):
    def screen_queries(count):
        for index in range(count):
            nomination = NominationFactory(call=call, nominee_name=f"Person {index}")
            Vote.objects.create(nomination=nomination, juror=jurors[1], choice="medal")
        client.force_login(jurors[1])
        with CaptureQueriesContext(connection) as captured:
            assert client.get(JURY).status_code == 200
        return len(captured)

    assert screen_queries(3) == screen_queries(9)  # 3, then 12 nominations
