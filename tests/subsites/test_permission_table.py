"""The teams' permission table (README "Teams, permissions and review", and
``website.roles``' docstring), checked through the real admin: for each team
and page action, on a page of the team's own tree (or language) and on one
outside it, the grant or the refusal, with the page untouched after a
refusal, and the refused actions left out of the explorer's page menus.

Wagtail gives more than the table (unpublishing with ``publish``, deleting
pages without a live version with ``change``, moving with deleting, copying
with ``change``); ``website.wagtail_hooks`` narrows it.

The pages are built once for the module, in a transaction rolled back at its
end; each test runs in its own savepoint, so destructive actions do not leak.
"""

from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from newsroom.models import NewsItemPage
from tests.factories import (
    MissionHomePageFactory,
    NewsIndexPageFactory,
    NewsItemPageFactory,
    RegionalHomePageFactory,
)
from tests.i18n.conftest import localize
from tests.subsites.conftest import make_member
from tests.subsites.test_roles import edit_form, story_form
from website.roles import setup_roles, team_for_slug, translator_groups

pytestmark = pytest.mark.django_db

YES, NO, NA = True, False, None


@dataclass(frozen=True)
class Member:
    """A member of one group, who works in the ``inside`` place (a key of
    ``world.places``); ``outside`` is another site's tree or language."""

    group: str
    inside: str
    outside: str


TEAMS = {
    "regional editor": Member(team_for_slug("centralasia").editors, "regional", "kyrgyzstan"),
    "regional moderator": Member(team_for_slug("centralasia").moderators, "regional", "kyrgyzstan"),
    "Kyrgyzstan editor": Member(team_for_slug("kyrgyzstan").editors, "kyrgyzstan", "kazakhstan"),
    "Kyrgyzstan moderator": Member(
        team_for_slug("kyrgyzstan").moderators, "kyrgyzstan", "kazakhstan"
    ),
    "Russian translator": Member(translator_groups()["ru"], "kazakhstan-ru", "kazakhstan-kk"),
}

# In the team's own tree (the Russian translator: Russian pages); outside it
# every action is refused. NA: not an action of that team (translators work
# in wagtail-localize's translation editor, not in Wagtail's page editor).
#                              regional  regional  Kyrgyz  Kyrgyz   Russian
#                              editor    moderator editor  moderator translator
GRANTS = {
    "add": (YES, YES, YES, YES, NO),
    "edit": (YES, YES, YES, YES, NA),
    "submit for review": (YES, YES, YES, YES, NA),
    "publish": (NO, YES, NO, YES, NA),
    "translate": (NA, NA, NA, NA, YES),
    "translate and publish": (NA, NA, NA, NA, YES),
    "unpublish": (NO, YES, NO, YES, NO),
    "unpublish with subpages": (NO, YES, NO, YES, NO),
    "delete": (NO, YES, NO, YES, NO),
    "delete a colleague's draft": (NO, YES, NO, YES, NO),
    "move": (NO, YES, NO, YES, NO),
    "copy": (YES, YES, YES, YES, NO),
    "lock": (YES, YES, YES, YES, NO),
    "unlock another's lock": (NO, YES, NO, YES, NO),
    "make the site private": (NO, YES, NO, YES, NO),
    "reorder stories": (NO, YES, NO, YES, NO),
}


# --- The pages, built once ------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """One site's tree in one language: its home page, news index, a
    colleague's draft (the index's first child) and a live story (the second),
    as primary keys: every test reads the pages afresh."""

    home: int
    news: int
    draft: int
    story: int


def _english_place(home, owner):
    news = NewsIndexPageFactory(parent=home)
    draft = NewsItemPageFactory(parent=news, title=f"{home.title} draft", live=False, owner=owner)
    draft.save_revision(user=owner)
    story = NewsItemPageFactory(parent=news, title=f"{home.title} story")
    return home, news, draft, story


def _translated_place(english_draft, english_story, language_code):
    draft = localize(english_draft, language_code, publish=False)
    story = localize(english_story, language_code)
    news = story.get_parent()
    return news.get_parent(), news, draft, story


def _build_world():
    setup_roles()  # the locales and groups; the page permissions come below
    users = {
        name: make_member([member.group], name.lower().replace(" ", "-")).pk
        for name, member in TEAMS.items()
    }
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "unused")

    def owner(team_name):
        return get_user_model().objects.get(pk=users[team_name])

    regional = _english_place(
        RegionalHomePageFactory(title="Central Asia", slug="centralasia"),
        owner("regional moderator"),
    )
    kyrgyzstan = _english_place(
        MissionHomePageFactory(title="Kyrgyzstan", slug="kyrgyzstan", country="KG"),
        owner("Kyrgyzstan moderator"),
    )
    kazakhstan = _english_place(
        MissionHomePageFactory(title="Kazakhstan", slug="kazakhstan", country="KZ"), None
    )
    _home, _news, kazakh_draft, kazakh_story = kazakhstan
    places = {
        "regional": regional,
        "kyrgyzstan": kyrgyzstan,
        "kazakhstan": kazakhstan,
        "kazakhstan-ru": _translated_place(kazakh_draft, kazakh_story, "ru"),
        "kazakhstan-kk": _translated_place(kazakh_draft, kazakh_story, "kk"),
    }
    setup_roles()  # the teams' and translators' permissions on every home page
    return SimpleNamespace(
        users=users,
        admin=admin.pk,
        places={name: Place(*(page.pk for page in pages)) for name, pages in places.items()},
    )


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker, tmp_path_factory):
    media = str(tmp_path_factory.mktemp("permission-table-media"))
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        translation.override("en"),
        transaction.atomic(),
    ):
        cache.clear()
        yield _build_world()
        transaction.set_rollback(True)
    cache.clear()  # Wagtail caches the sites' root paths; they were rolled back


@pytest.fixture
def world(world_once, db):
    return world_once


def page(pk):
    return Page.objects.get(pk=pk).specific


def exists(pk):
    return Page.objects.filter(pk=pk).exists()


def refused(response):
    """Wagtail's refusal: 403, or back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


# --- The actions, through the admin ---------------------------------------------------


@dataclass
class Attempt:
    response: object  # the admin's answer to the action's POST (or PUT)
    done: bool  # the action's whole effect happened
    untouched: bool  # nothing changed


def add(client, world, place):
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "newsitempage", place.news))
    response = client.post(url, story_form("Added story", "added-story"))
    done = NewsItemPage.objects.filter(slug="added-story").exists()
    return Attempt(response, done, not done)


def edit(client, world, place, **extra):
    story = page(place.story)
    revisions = story.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[place.story]),
        edit_form(story, title="Edited", **extra),
    )
    story = page(place.story)
    done = story.get_latest_revision_as_object().title == "Edited"
    return Attempt(response, done, story.revisions.count() == revisions)


def submit_for_review(client, world, place):
    attempt = edit(client, world, place, **{"action-submit": "submit"})
    attempt.done = attempt.done and page(place.story).workflow_in_progress
    return attempt


def publish(client, world, place):
    attempt = edit(client, world, place, **{"action-publish": "publish"})
    live_title = page(place.story).title
    # An editor's "publish" saves a draft for review: the live page is unchanged.
    return Attempt(attempt.response, live_title == "Edited", live_title != "Edited")


def _translation_of(story):
    return Translation.objects.get(
        source__object_id=story.translation_key, target_locale=story.locale_id
    )


def translate(client, world, place, text="Переведено"):
    """Put a translation of the story's title in wagtail-localize's editor."""
    record = _translation_of(page(place.story))
    english = record.source.get_source_instance().title
    segment = StringSegment.objects.get(source=record.source, string__data=english)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[record.pk, segment.pk]),
        urlencode({"value": text}),
        content_type="application/x-www-form-urlencoded",
    )
    done = StringTranslation.objects.filter(translation_of=segment.string, data=text).exists()
    return Attempt(response, done, not done)


def translate_and_publish(client, world, place):
    text = "Опубликовано переводчиком"
    translated = translate(client, world, place, text)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[place.story]), {"action": "publish"}
        )
    story = page(place.story)
    done = translated.done and story.live and story.title == text
    return Attempt(response, done, story.title != text)


def unpublish(client, world, place):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[place.story]))
    done = not page(place.story).live
    return Attempt(response, done, not done)


def unpublish_with_subpages(client, world, place):
    """The reported attack: the whole site offline in one language."""
    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[place.home]), {"include_descendants": "on"}
    )
    still_live = [page(pk).live for pk in (place.home, place.news, place.story)]
    return Attempt(response, not any(still_live), all(still_live))


def delete(client, world, place, pk=None):
    pk = pk or place.story
    response = client.post(reverse("wagtailadmin_pages:delete", args=[pk]))
    done = not exists(pk)
    return Attempt(response, done, not done)


def delete_a_colleagues_draft(client, world, place):
    return delete(client, world, place, place.draft)


def move(client, world, place):
    """The draft to the end of its news index: a story has one possible
    parent per site and language, so moving is reordering here."""
    before = page(place.draft).path
    response = client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[place.draft, place.news])
    )
    done = page(place.draft).path != before
    return Attempt(response, done, not done)


def copy(client, world, place):
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[place.story]),
        {"new_title": "Copied story", "new_slug": "copied-story", "new_parent_page": place.news},
    )
    done = Page.objects.filter(slug="copied-story").exists()
    return Attempt(response, done, not done)


def lock(client, world, place):
    response = client.post(reverse("wagtailadmin_pages:lock", args=[place.story]))
    done = page(place.story).locked
    return Attempt(response, done, not done)


def unlock_anothers_lock(client, world, place):
    Page.objects.filter(pk=place.story).update(
        locked=True, locked_by_id=world.admin, locked_at=timezone.now()
    )
    response = client.post(reverse("wagtailadmin_pages:unlock", args=[place.story]))
    done = not page(place.story).locked
    return Attempt(response, done, not done)


def make_the_site_private(client, world, place):
    """A log-in restriction on the home page hides the whole site (in that
    language) from the public, as unpublishing it would."""
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[place.home]), {"restriction_type": "login"}
    )
    done = PageViewRestriction.objects.filter(page_id=place.home).exists()
    return Attempt(response, done, not done)


def reorder_stories(client, world, place):
    """The live story first in its news index, before the draft."""
    before = page(place.story).path
    response = client.post(
        reverse("wagtailadmin_pages:set_page_position", args=[place.story]) + "?position=0"
    )
    done = page(place.story).path != before
    return Attempt(response, done, not done)


ACTIONS = {
    "add": add,
    "edit": edit,
    "submit for review": submit_for_review,
    "publish": publish,
    "translate": translate,
    "translate and publish": translate_and_publish,
    "unpublish": unpublish,
    "unpublish with subpages": unpublish_with_subpages,
    "delete": delete,
    "delete a colleague's draft": delete_a_colleagues_draft,
    "move": move,
    "copy": copy,
    "lock": lock,
    "unlock another's lock": unlock_anothers_lock,
    "make the site private": make_the_site_private,
    "reorder stories": reorder_stories,
}

# The page menu item of the explorer listing ("⋯" of a row) for an action:
# (URL name, which page of the place).
MENU_ITEMS = {
    "unpublish": ("wagtailadmin_pages:unpublish", "story"),
    "delete": ("wagtailadmin_pages:delete", "story"),
    "delete a colleague's draft": ("wagtailadmin_pages:delete", "draft"),
    "move": ("wagtailadmin_pages:move", "draft"),
    "copy": ("wagtailadmin_pages:copy", "story"),
}


def offered_in_listing(client, place, action):
    """Whether the row of the page in its news index's explorer listing
    offers the action (False when the user may not see the listing)."""
    url_name, which = MENU_ITEMS[action]
    listing = client.get(reverse("wagtailadmin_explore", args=[place.news]))
    if listing.status_code != 200:
        return False
    return reverse(url_name, args=[getattr(place, which)]) in listing.content.decode()


# --- The table ----------------------------------------------------------------------


def _cases():
    for action, row in GRANTS.items():
        for team, granted in zip(TEAMS, row, strict=True):
            if granted is NA:
                continue
            for where, expected in (("inside", granted), ("outside", NO)):
                yield pytest.param(
                    team, action, where, expected, id=f"{team}-{action}-{where}".replace(" ", "_")
                )


@pytest.mark.parametrize(("team", "action", "where", "expected"), list(_cases()))
def test_permission_table(world, client, team, action, where, expected):
    member = TEAMS[team]
    place = world.places[member.inside if where == "inside" else member.outside]
    client.force_login(get_user_model().objects.get(pk=world.users[team]))

    if action in MENU_ITEMS:
        assert offered_in_listing(client, place, action) is expected
    attempt = ACTIONS[action](client, world, place)

    if expected:
        assert attempt.done, attempt.response
    else:
        assert attempt.untouched
        # An editor's "publish" saves a draft for review rather than refuse.
        if not (action == "publish" and where == "inside"):
            assert refused(attempt.response), attempt.response


# --- Bulk actions ---------------------------------------------------------------------

# (team, bulk action, which page of the team's place, form data, granted)
BULK = [
    ("Russian translator", "unpublish", "home", {"include_descendants": "on"}, NO),
    ("Russian translator", "delete", "story", {}, NO),
    ("Kyrgyzstan editor", "delete", "draft", {}, NO),
    ("Kyrgyzstan editor", "move", "draft", {"chooser": "news"}, NO),
    ("Kyrgyzstan moderator", "unpublish", "home", {"include_descendants": "on"}, YES),
    ("Kyrgyzstan moderator", "delete", "draft", {}, YES),
    ("Kyrgyzstan moderator", "move", "draft", {"chooser": "news"}, YES),
]


def bulk_effect(action, place, pk, before):
    if action == "unpublish":
        return not page(pk).live
    if action == "delete":
        return not exists(pk)
    return page(pk).path != before


@pytest.mark.parametrize(
    ("team", "action", "which", "data", "expected"),
    [pytest.param(*case, id=f"{case[0]}-{case[1]}".replace(" ", "_")) for case in BULK],
)
def test_bulk_actions_follow_the_table(world, client, team, action, which, data, expected):
    place = world.places[TEAMS[team].inside]
    pk = getattr(place, which)
    before = page(pk).path
    client.force_login(get_user_model().objects.get(pk=world.users[team]))
    next_url = reverse("wagtailadmin_explore", args=[place.news])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    form = {
        name: getattr(place, value) if name == "chooser" else value for name, value in data.items()
    }

    response = client.post(f"{url}?{urlencode({'id': pk, 'next': next_url})}", form)

    assert bulk_effect(action, place, pk, before) is expected
    if expected:
        assert (response.status_code, response["Location"]) == (302, next_url)
    else:
        # Refused outright, or the page left out of the pages acted on (Wagtail's
        # bulk actions skip the pages a user has no permission for).
        assert refused(response) or (response.status_code, response["Location"]) == (
            302,
            next_url,
        )


# --- The page editor's action menu ------------------------------------------------------


def action_menu_names(response):
    menu = response.context["action_menu"]
    return {item.name for item in [menu.default_item, *menu.menu_items] if item}


def test_moderator_is_offered_unpublish_in_the_page_editor(world, client):
    place = world.places["kyrgyzstan"]
    client.force_login(get_user_model().objects.get(pk=world.users["Kyrgyzstan moderator"]))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[place.story]))

    assert "action-unpublish" in action_menu_names(response)


def test_translator_is_not_offered_unpublish_in_the_page_editor(world, client):
    """A Russian page that is not a wagtail-localize translation (made with
    Wagtail's copy for translation) opens in Wagtail's page editor: the
    translator may publish it there, not unpublish it."""
    place = world.places["kazakhstan-ru"]
    english = NewsItemPageFactory(parent=page(world.places["kazakhstan"].news), title="Copied")
    russian = english.copy_for_translation(page(place.home).locale)
    russian.save_revision().publish()
    assert not Translation.objects.filter(source__object_id=russian.translation_key).exists()
    client.force_login(get_user_model().objects.get(pk=world.users["Russian translator"]))

    response = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]))

    assert response.status_code == 200
    names = action_menu_names(response)
    assert "action-publish" in names
    assert "action-unpublish" not in names
    # Nor in the page header's "⋯" menu: no link to take it down, delete,
    # move or copy it.
    html = response.content.decode()
    for name in ("unpublish", "delete", "move", "copy"):
        assert reverse(f"wagtailadmin_pages:{name}", args=[russian.pk]) not in html, name


def test_moderator_is_offered_every_action_in_the_page_header(world, client):
    place = world.places["kyrgyzstan"]
    client.force_login(get_user_model().objects.get(pk=world.users["Kyrgyzstan moderator"]))

    html = client.get(reverse("wagtailadmin_pages:edit", args=[place.story])).content.decode()

    for name in ("unpublish", "delete", "move", "copy"):
        assert reverse(f"wagtailadmin_pages:{name}", args=[place.story]) in html, name


# --- wagtail-localize's sync, and superusers ----------------------------------------------


def test_translator_still_syncs_english_changes_into_the_translation(world, client):
    place = world.places["kazakhstan-ru"]
    record = _translation_of(page(place.story))
    english = record.source.get_source_instance()
    english.title = "Kazakhstan story, updated"
    english.save_revision().publish()
    client.force_login(get_user_model().objects.get(pk=world.users["Russian translator"]))

    response = client.post(
        reverse("wagtail_localize:update_translations", args=[record.source_id]), {}
    )

    assert response.status_code == 302
    assert StringSegment.objects.filter(
        source=record.source, string__data="Kazakhstan story, updated"
    ).exists()


@pytest.mark.parametrize("action", ["unpublish with subpages", "delete", "move", "copy"])
def test_superusers_may_do_everything(world, client, action):
    client.force_login(get_user_model().objects.get(pk=world.admin))

    assert ACTIONS[action](client, world, world.places["kazakhstan-ru"]).done
