"""Sending an issue: only to confirmed subscribers of its site and language,
never twice, resumable after an interruption, started by an editor allowed to."""

import pytest
from django.core import mail
from django.urls import reverse

from subscriptions.models import Delivery, Subscriber
from subscriptions.tasks import deliver_issue
from tests.subscriptions.conftest import FailingBackend, get_link

pytestmark = pytest.mark.django_db


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.fixture
def readers(site_tree, make_subscriber):
    """Five confirmed English readers of the regional site."""
    return [make_subscriber(f"reader{n}@example.org", site_tree.regional_site) for n in range(5)]


def test_issue_goes_to_confirmed_subscribers_of_its_site_and_language_only(
    site_tree, make_subscriber, sign_up
):
    make_subscriber("regional@example.org", site_tree.regional_site)
    make_subscriber("russian@example.org", site_tree.regional_site, language="ru")
    make_subscriber("kyrgyz-site@example.org", site_tree.kyrgyzstan_site)
    sign_up(site_tree.regional_site, "pending@example.org")  # not confirmed
    mail.outbox.clear()  # the confirmation link

    sent = deliver_issue(site_tree.issue.pk)

    assert sent == 1
    assert recipients() == ["regional@example.org"]
    assert mail.outbox[0].subject == "Regional Response Report: Issue 1"


def test_a_sign_up_on_a_mission_site_subscribes_to_the_regional_reports(site_tree, sign_up, client):
    sign_up(site_tree.kyrgyzstan_site, "bishkek@example.org")
    [confirmation] = mail.outbox
    confirm = next(u for u in confirmation.body.split() if "/subscribe/confirm/" in u)
    get_link(client, confirm, method="post")
    mail.outbox.clear()

    assert deliver_issue(site_tree.issue.pk) == 1
    assert recipients() == ["bishkek@example.org"]


def test_nothing_is_sent_to_a_subscriber_before_they_confirm(site_tree, sign_up, client):
    sign_up(site_tree.regional_site, "aida@example.org")
    [confirmation] = mail.outbox

    deliver_issue(site_tree.issue.pk)
    assert len(mail.outbox) == 1  # still only the confirmation link

    confirm = next(u for u in confirmation.body.split() if "/subscribe/confirm/" in u)
    get_link(client, confirm, method="post")
    deliver_issue(site_tree.issue.pk)
    assert [m.to for m in mail.outbox[1:]] == [["aida@example.org"]]


def test_unsubscribing_stops_the_next_send(site_tree, readers, client):
    deliver_issue(site_tree.issue.pk)
    leaving = mail.outbox[0]
    unsubscribe = leaving.extra_headers["List-Unsubscribe"].strip("<>")
    get_link(client, unsubscribe, method="post")
    mail.outbox.clear()

    from tests.factories import ReportIssuePageFactory

    next_issue = ReportIssuePageFactory(parent=site_tree.report_index, issue_number=2)
    deliver_issue(next_issue.pk)

    assert len(mail.outbox) == 4
    assert leaving.to[0] not in recipients()


def test_sending_again_sends_nobody_the_issue_twice(site_tree, readers):
    assert deliver_issue(site_tree.issue.pk) == 5
    assert deliver_issue(site_tree.issue.pk) == 0

    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 5


def test_resend_after_an_interrupted_send_skips_those_already_sent(site_tree, readers, settings):
    settings.EMAIL_BACKEND = "tests.subscriptions.conftest.FailingBackend"
    FailingBackend.fail_after = 2
    try:
        with pytest.raises(ConnectionResetError):
            deliver_issue(site_tree.issue.pk, batch_size=2)
        assert len(mail.outbox) == 2
        first_two = recipients()

        FailingBackend.fail_after = None  # the mail server is back
        assert deliver_issue(site_tree.issue.pk, batch_size=2) == 3
    finally:
        FailingBackend.fail_after = None

    assert recipients() == sorted(reader.email for reader in readers)  # each exactly once
    assert all(address in recipients() for address in first_two)
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 5


def test_a_claimed_delivery_left_by_a_crash_is_not_sent_again(site_tree, readers):
    # The process died after claiming (and perhaps sending to) the first reader.
    Delivery.objects.create(issue=site_tree.issue, subscriber=readers[0])

    assert deliver_issue(site_tree.issue.pk) == 4

    assert readers[0].email not in recipients()


def test_unpublished_issue_is_not_sent(site_tree, readers):
    site_tree.issue.unpublish()

    assert deliver_issue(site_tree.issue.pk) == 0
    assert mail.outbox == []


# --- The editor's action ---------------------------------------------------------


def send_url(issue):
    return reverse("subscriptions_admin:send", args=[issue.pk])


def assert_denied(response):
    """Wagtail answers a denied admin page with a redirect to the dashboard."""
    assert (response.status_code, response.get("Location")) == (302, "/admin/")


def test_moderator_confirms_and_the_issue_is_sent(
    site_tree, readers, make_member, django_capture_on_commit_callbacks
):
    _user, client = make_member("moderators")

    page = client.get(send_url(site_tree.issue))
    assert page.status_code == 200
    assert "Yes, send it to 5 subscribers" in page.content.decode()
    assert mail.outbox == []  # asking is not sending

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(send_url(site_tree.issue), follow=True)

    assert "is being sent to 5 subscribers" in response.content.decode()
    assert len(mail.outbox) == 5


def test_moderator_sees_the_send_button_in_the_issue_editor(site_tree, make_member):
    _user, moderator = make_member("moderators")
    _user, editor = make_member("editors")
    edit_url = reverse("wagtailadmin_pages:edit", args=[site_tree.issue.pk])

    assert send_url(site_tree.issue) in moderator.get(edit_url).content.decode()
    editor_page = editor.get(edit_url).content.decode()
    assert send_url(site_tree.issue) not in editor_page
    # An editor may still look at the e-mail edition.
    assert reverse("subscriptions_admin:preview", args=[site_tree.issue.pk]) in editor_page


def test_editor_without_publish_permission_cannot_send(
    site_tree, readers, make_member, django_capture_on_commit_callbacks
):
    _user, client = make_member("editors")

    with django_capture_on_commit_callbacks(execute=True):
        asked = client.get(send_url(site_tree.issue))
        posted = client.post(send_url(site_tree.issue))

    assert_denied(asked)
    assert_denied(posted)
    assert mail.outbox == []


def test_another_missions_moderator_cannot_send(site_tree, readers, make_member):
    _user, client = make_member("moderators", slug="kyrgyzstan")

    assert_denied(client.post(send_url(site_tree.issue)))
    assert mail.outbox == []


def test_draft_issue_cannot_be_sent_even_by_an_administrator(site_tree, readers, admin_client):
    site_tree.issue.unpublish()

    assert_denied(admin_client.post(send_url(site_tree.issue)))
    assert mail.outbox == []
    assert Subscriber.objects.count() == 5
