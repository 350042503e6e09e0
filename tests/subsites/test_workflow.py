"""Review before publication: editors submit, their site's moderators approve
(publishing) or reject with a comment, and everyone concerned gets an e-mail.
Scheduled publishing and expiry run with ``manage.py publish_scheduled``."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from newsroom.models import NewsItemPage
from tests.factories import ImageFactory, NewsItemPageFactory
from tests.subsites.conftest import make_member
from tests.subsites.test_roles import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(tree):
    return NewsItemPageFactory(
        parent=tree.kyrgyzstan_news, title="Shelter opens in Osh", slug="shelter", live=False
    )


@pytest.fixture
def submitted(draft, kyrgyz_editor, kyrgyz_moderator, kazakh_moderator, client):
    """The draft, submitted for review by the Kyrgyz editor through the admin."""
    client.force_login(kyrgyz_editor)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)),
        edit_form(draft, **{"action-submit": "submit"}),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    client.logout()
    return draft


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_editor_submits_to_the_sites_moderators(submitted, kyrgyz_moderator):
    state = submitted.current_workflow_state
    assert state is not None
    # Named in English and Russian when the catalogues are compiled
    # (tests/i18n/test_admin_languages.py).
    assert state.workflow.name.startswith("Mission review (Kyrgyzstan)")
    assert submitted.current_workflow_task.name.startswith("Kyrgyzstan moderators approval")
    assert not submitted.live
    # The Kyrgyz moderator is told; the Kazakh one is not.
    assert recipients() == [kyrgyz_moderator.email]
    assert "Shelter opens in Osh" in mail.outbox[0].subject + mail.outbox[0].body


def approve_url(page, action):
    task_state = page.current_workflow_state.current_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))


def test_moderator_approves_and_the_story_is_published(
    submitted, kyrgyz_moderator, kyrgyz_editor, client
):
    mail.outbox.clear()
    client.force_login(kyrgyz_moderator)

    response = client.post(approve_url(submitted, "approve"), {"comment": "Good to go."})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.current_workflow_state is None
    assert recipients() == [kyrgyz_editor.email]
    assert "approved" in mail.outbox[0].subject.lower()


def test_moderator_rejects_with_a_comment(submitted, kyrgyz_moderator, kyrgyz_editor, client):
    mail.outbox.clear()
    client.force_login(kyrgyz_moderator)

    response = client.post(
        approve_url(submitted, "reject"), {"comment": "Please add the shelter's hotline."}
    )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert not submitted.live
    assert recipients() == [kyrgyz_editor.email]
    assert "Please add the shelter's hotline." in mail.outbox[0].body


def dashboard_messages(client, response):
    """The messages the dashboard shows after a workflow action sent the
    moderator back to it, as the dashboard's buttons do (``next``)."""
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(response["Location"])
    return [str(message) for message in dashboard.context["messages"]]


def test_approving_from_the_dashboard_confirms_the_publication(submitted, kyrgyz_moderator, client):
    client.force_login(kyrgyz_moderator)
    next_url = reverse("wagtailadmin_home")

    response = client.post(f"{approve_url(submitted, 'approve')}?next={next_url}", {})

    [message] = dashboard_messages(client, response)
    assert "“Shelter opens in Osh” approved and published." in message
    assert f'href="{submitted.get_url()}"' in message  # View live
    submitted.refresh_from_db()
    assert submitted.live


def test_requesting_changes_from_the_dashboard_says_so(submitted, kyrgyz_moderator, client):
    client.force_login(kyrgyz_moderator)
    next_url = reverse("wagtailadmin_home")

    response = client.post(
        f"{approve_url(submitted, 'reject')}?next={next_url}", {"comment": "Add the hotline."}
    )

    [message] = dashboard_messages(client, response)
    assert "Changes requested to “Shelter opens in Osh”" in message


def test_a_refused_approval_confirms_nothing(submitted, kazakh_moderator, client):
    client.force_login(kazakh_moderator)

    response = client.post(approve_url(submitted, "approve"), {})

    if response.status_code == 302:
        page = client.get(response["Location"])
        assert not any("approved" in str(m) for m in page.context["messages"])
    submitted.refresh_from_db()
    assert not submitted.live


def test_other_missions_moderator_cannot_approve(submitted, kazakh_moderator, client):
    client.force_login(kazakh_moderator)
    url = approve_url(submitted, "approve")

    response = client.post(url, {"comment": ""})

    assert response.status_code in (302, 403)
    submitted.refresh_from_db()
    assert not submitted.live
    assert submitted.current_workflow_state is not None


def test_editor_cannot_approve_own_submission(submitted, kyrgyz_editor, client):
    client.force_login(kyrgyz_editor)

    client.post(approve_url(submitted, "approve"), {"comment": ""})

    submitted.refresh_from_db()
    assert not submitted.live


def test_regional_team_has_its_own_review(tree, regional_editor, client):
    regional_moderator = make_member(["Regional moderators"], "regional-moderator")
    story = tree.regional_story
    client.force_login(regional_editor)

    client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)),
        edit_form(story, title="Regional update", **{"action-submit": "submit"}),
    )

    story.refresh_from_db()
    assert story.current_workflow_task.name.startswith("Regional moderators approval")
    assert recipients() == [regional_moderator.email]


# --- Scheduled publishing ---------------------------------------------------------------


def test_publish_scheduled_publishes_a_story_when_its_time_comes(tree, page_context, monkeypatch):
    story = NewsItemPageFactory(
        parent=tree.kyrgyzstan_news, title="Scheduled story", slug="scheduled", live=False
    )
    now = timezone.now()
    story.go_live_at = now + datetime.timedelta(hours=1)
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live  # scheduled, not published
    call_command("publish_scheduled", stdout=io.StringIO())
    story.refresh_from_db()
    assert not story.live  # not yet

    def listed():
        context = page_context(tree.kyrgyzstan_news, tree.kyrgyzstan_site)
        return [s.title for s in context["stories"]]

    assert "Scheduled story" not in listed()

    # Two hours later, cron runs the command.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2))
    call_command("publish_scheduled", stdout=io.StringIO())

    story.refresh_from_db()
    assert story.live
    assert "Scheduled story" in listed()


def test_publish_scheduled_unpublishes_an_expired_story(tree):
    story = tree.kyrgyzstan_stories[0]
    NewsItemPage.objects.filter(pk=story.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    # Listed no more from the moment it expires, before the command runs.
    assert story.pk not in {
        s.pk for s in NewsItemPage.objects.readable().listed_on(tree.kyrgyzstan)
    }

    call_command("publish_scheduled", stdout=io.StringIO())

    story.refresh_from_db()
    assert not story.live
    assert story.expired


# --- Approving a revision whose images may not be public ------------------------------


@pytest.fixture
def submitted_with_sensitive_photo(tree, kyrgyz_editor):
    """A draft whose lead image is marked sensitive, in review (submitting is
    allowed whatever the images: no work is lost)."""
    page = NewsItemPageFactory(
        parent=tree.kyrgyzstan_news,
        title="Interview room in Osh",
        slug="interview-room",
        live=False,
        lead_image=ImageFactory(title="Interview room", sensitive=True),
        lead_image_alt="An interview room",
    )
    page.save_revision(user=kyrgyz_editor)
    page.get_workflow().start(page, kyrgyz_editor)
    page.refresh_from_db()
    assert page.workflow_in_progress
    return page


REFUSED = (
    "Cannot publish: the image “Interview room” (Lead image): "
    "it is marked sensitive (internal use only)."
)


def test_approving_from_the_dashboard_a_revision_with_a_sensitive_image_is_refused(
    submitted_with_sensitive_photo, kyrgyz_moderator, client
):
    page = submitted_with_sensitive_photo
    client.force_login(kyrgyz_moderator)
    next_url = reverse("wagtailadmin_home")

    response = client.post(f"{approve_url(page, 'approve')}?next={next_url}", {})

    assert [message.strip() for message in dashboard_messages(client, response)] == [REFUSED]
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress  # still awaiting review, nothing lost


def test_approving_with_a_comment_in_the_modal_shows_the_refusal_in_the_modal(
    submitted_with_sensitive_photo, kyrgyz_moderator, client
):
    page = submitted_with_sensitive_photo
    client.force_login(kyrgyz_moderator)

    response = client.post(
        approve_url(page, "approve"),
        {"comment": "Fine by me."},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.status_code == 200
    data = response.json()
    assert data["step"] == "action"
    assert "“Interview room”" in data["html"]
    assert "it is marked sensitive (internal use only)" in data["html"]
    page.refresh_from_db()
    assert not page.live


def test_once_the_image_may_be_public_the_same_approval_publishes(
    submitted_with_sensitive_photo, kyrgyz_moderator, client
):
    page = submitted_with_sensitive_photo
    image = page.lead_image
    image.sensitive = False
    image.save()
    client.force_login(kyrgyz_moderator)

    response = client.post(approve_url(page, "approve"), {})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live


def test_requesting_changes_is_possible_whatever_the_images(
    submitted_with_sensitive_photo, kyrgyz_moderator, client
):
    page = submitted_with_sensitive_photo
    client.force_login(kyrgyz_moderator)

    client.post(approve_url(page, "reject"), {"comment": "Use another photo."})

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"
