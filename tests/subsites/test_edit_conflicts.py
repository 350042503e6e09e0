"""Two editors of a mission working on the same story: neither loses work.

Every save is a revision of its own, so the second save never overwrites the
first one's revision; an editor who locks the story keeps the other from
saving until it is unlocked; and the admin's background save (autosave) is
refused when another editor saved in the meantime."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import NewsItemPageFactory
from tests.subsites.conftest import make_member
from tests.subsites.test_roles import edit_form
from website.roles import team_for_slug

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(tree):
    page = NewsItemPageFactory(parent=tree.kyrgyzstan_news, title="Shelter opens in Osh")
    page.save_revision().publish()
    return page


@pytest.fixture
def editors(tree):
    """Two Kyrgyzstan editors, each logged in with a browser of their own."""
    clients = []
    for name in ("aigul", "bakyt"):
        browser = Client()
        browser.force_login(make_member([team_for_slug("kyrgyzstan").editors], name))
        clients.append(browser)
    return clients


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def loaded_revision(browser, page):
    """What the edit form an editor opens remembers of the page's latest revision."""
    context = browser.get(edit_url(page)).context
    page.refresh_from_db()
    return {
        "loaded_revision_id": str(page.latest_revision_id),
        "loaded_revision_created_at": context["loaded_revision_created_at"],
    }


def save(browser, page, title, **extra):
    return browser.post(edit_url(page), edit_form(page, title=title, **extra))


def test_two_editors_saving_the_same_story_keep_both_revisions(story, editors):
    aigul, bakyt = editors
    page_before = story.revisions.count()
    loaded_revision(aigul, story)  # both open the editor
    loaded_revision(bakyt, story)

    assert save(aigul, story, "Shelter opens in Osh for 40 women").status_code == 302
    assert save(bakyt, story, "Shelter opens in Osh, run by a local NGO").status_code == 302

    titles = [revision.as_object().title for revision in story.revisions.order_by("created_at")]
    assert story.revisions.count() == page_before + 2
    assert titles[-2:] == [
        "Shelter opens in Osh for 40 women",
        "Shelter opens in Osh, run by a local NGO",
    ]
    # Aigul's words can be brought back from the history.
    history = aigul.get(reverse("wagtailadmin_pages:history", args=[story.pk]))
    assert history.status_code == 200


def test_a_locked_story_cannot_be_saved_by_the_other_editor(story, editors):
    aigul, bakyt = editors
    assert aigul.post(reverse("wagtailadmin_pages:lock", args=[story.pk])).status_code == 302
    story.refresh_from_db()
    assert story.locked

    response = save(bakyt, story, "Bakyt's title", follow=True)

    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title == "Shelter opens in Osh"
    assert any("locked" in str(message).lower() for message in response.context["messages"])

    # Aigul, who holds the lock, saves; then unlocks, and Bakyt may save again.
    assert save(aigul, story, "Aigul's title").status_code == 302
    assert aigul.post(reverse("wagtailadmin_pages:unlock", args=[story.pk])).status_code == 302
    assert save(bakyt, story, "Bakyt's title").status_code == 302
    story.refresh_from_db()
    assert [r.as_object().title for r in story.revisions.order_by("-created_at")[:2]] == [
        "Bakyt's title",
        "Aigul's title",
    ]


def test_a_background_save_over_a_newer_revision_is_refused(story, editors):
    aigul, bakyt = editors
    aigul_loaded = loaded_revision(aigul, story)
    assert save(bakyt, story, "Bakyt saved first").status_code == 302
    revisions = story.revisions.count()

    # Aigul's editor saves in the background (JSON), from the revision she loaded.
    response = aigul.post(
        edit_url(story),
        edit_form(story, title="Aigul's autosave", **aigul_loaded),
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert story.revisions.count() == revisions
    story.refresh_from_db()
    assert story.get_latest_revision_as_object().title == "Bakyt saved first"
