"""Signing up with double opt-in, confirming, unsubscribing, as a visitor."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.utils import timezone

from subscriptions.models import Subscriber
from tests.subscriptions.conftest import get_link, links_in

pytestmark = pytest.mark.django_db


def confirm_link(message):
    return next(url for url in links_in(message) if "/subscribe/confirm/" in url)


def unsubscribe_link(message):
    return next(url for url in links_in(message) if "/subscribe/unsubscribe/" in url)


def test_sign_up_page_is_accessible_and_never_cached(client, site_tree, settings):
    settings.PAGE_CACHE_SECONDS = 600  # the full-page cache is on

    first = client.get("/en/subscribe/", HTTP_HOST=site_tree.kyrgyzstan_site.hostname)
    second = client.get("/en/subscribe/", HTTP_HOST=site_tree.kyrgyzstan_site.hostname)

    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in second  # rendered again, with a fresh CSRF token
    assert "no-cache" in first["Cache-Control"]
    soup = BeautifulSoup(first.content, "html.parser")
    assert len(soup.find_all("h1")) == 1
    field = soup.select_one("main input[name=email]")
    assert soup.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert soup.select_one("main input[name=csrfmiddlewaretoken]") is not None
    assert field["id"] + "-help" in field["aria-describedby"]


def test_footer_form_of_every_site_leads_to_the_filled_in_sign_up_page(client, site_tree):
    home = client.get("/en/", HTTP_HOST=site_tree.kazakhstan_site.hostname)
    footer = BeautifulSoup(home.content, "html.parser").select_one("footer form")

    assert footer["action"] == "/en/subscribe/" and footer["method"] == "get"
    assert footer.find("input", attrs={"name": "csrfmiddlewaretoken"}) is None
    field = footer.find("input", attrs={"name": "email"})
    assert footer.find("label", attrs={"for": field["id"]}) is not None

    page = client.get(
        "/en/subscribe/",
        {"email": "aida@example.org"},
        HTTP_HOST=site_tree.kazakhstan_site.hostname,
    )
    assert (
        BeautifulSoup(page.content, "html.parser").select_one("main input[name=email]")["value"]
        == "aida@example.org"
    )
    assert Subscriber.objects.count() == 0  # a GET subscribes nobody


def test_sign_up_sends_only_a_confirmation_link(client, site_tree, sign_up):
    response = sign_up(site_tree.kyrgyzstan_site, "Aida@Example.org", language="ru")

    assert response.status_code == 302
    assert response["Location"] == "/ru/subscribe/check-your-inbox/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.site, subscriber.language) == (
        "aida@example.org",
        site_tree.regional_site,  # the reports are the regional site's
        "ru",
    )
    assert subscriber.confirmed_at is None
    [message] = mail.outbox
    assert message.to == ["aida@example.org"]
    assert confirm_link(message).startswith("http://centralasia.localhost/ru/subscribe/confirm/")


def test_malformed_address_is_a_form_error_tied_to_the_field(client, site_tree, sign_up):
    response = sign_up(site_tree.regional_site, "aida@@example")

    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.select_one("main input[name=email]")
    error = soup.find(id=field["id"] + "-error")
    assert error is not None and "e-mail address" in error.get_text()
    assert error["id"] in field["aria-describedby"].split()
    assert field["aria-invalid"] == "true"
    assert soup.title.get_text().startswith("Error:")
    assert Subscriber.objects.count() == 0 and mail.outbox == []


def test_signing_up_again_gives_the_same_answer_and_no_second_row_or_email(
    client, site_tree, make_subscriber, sign_up
):
    first = sign_up(site_tree.regional_site, "aida@example.org")
    again = sign_up(site_tree.regional_site, "AIDA@example.org ")
    make_subscriber("confirmed@example.org", site_tree.regional_site)
    confirmed = sign_up(site_tree.regional_site, "confirmed@example.org")

    assert first["Location"] == again["Location"] == confirmed["Location"]
    assert Subscriber.objects.filter(email="aida@example.org").count() == 1
    assert Subscriber.objects.filter(email="confirmed@example.org").count() == 1
    assert [m.to for m in mail.outbox] == [["aida@example.org"]]


def test_pending_address_gets_a_new_link_a_day_later(client, site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - datetime.timedelta(hours=25))

    sign_up(site_tree.regional_site, "aida@example.org")

    assert len(mail.outbox) == 2
    assert Subscriber.objects.count() == 1


def test_same_address_may_subscribe_in_another_language(client, site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    sign_up(site_tree.regional_site, "aida@example.org", language="ru")
    # On a mission site: the same regional reports, so no second subscription.
    sign_up(site_tree.kyrgyzstan_site, "aida@example.org")

    assert Subscriber.objects.count() == 2
    assert len(mail.outbox) == 2


def test_robot_filling_the_honeypot_is_told_it_worked_and_nothing_happens(
    client, site_tree, sign_up
):
    response = sign_up(site_tree.regional_site, "bot@example.org", website="http://spam")

    assert response.status_code == 302
    assert Subscriber.objects.count() == 0 and mail.outbox == []


def test_too_many_sign_ups_from_one_address_are_refused(client, site_tree, settings, sign_up):
    settings.SUBSCRIPTIONS_RATE_LIMIT = (3, 3600)

    answers = [
        sign_up(site_tree.regional_site, f"person{n}@example.org").status_code for n in range(4)
    ]

    assert answers == [302, 302, 302, 429]
    assert Subscriber.objects.count() == 3
    refused = sign_up(site_tree.regional_site, "person9@example.org")
    assert "Too many sign-ups" in refused.content.decode()


def test_opening_the_confirm_link_confirms_nothing_and_asks(client, site_tree, sign_up):
    """Mail servers and link scanners open every link in an e-mail: a GET shows
    a page with one button, and confirms no address."""
    sign_up(site_tree.regional_site, "aida@example.org")
    link = confirm_link(mail.outbox[0])

    page = get_link(client, link)
    head = get_link(client, link, method="head")

    assert page.status_code == head.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    assert Subscriber.objects.get().confirmed_at is None
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Confirm your subscription"
    assert "aida@example.org" in soup.select_one(".lead").get_text()
    form = soup.select_one("main form[method=post]")
    assert form.get("action") is None  # posts to the same signed address
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None
    assert form.find("button", type="submit").get_text(strip=True) == "Confirm my subscription"


def test_the_confirm_button_confirms_once(client, site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    link = confirm_link(mail.outbox[0])

    first = get_link(client, link, method="post")
    confirmed_at = Subscriber.objects.get().confirmed_at
    second = get_link(client, link, method="post")
    opened_again = get_link(client, link)

    assert first.status_code == 200
    assert "Your subscription is confirmed" in first.content.decode()
    assert confirmed_at is not None
    assert second.status_code == 200
    assert "already confirmed" in second.content.decode()
    assert opened_again.status_code == 200
    assert "already confirmed" in opened_again.content.decode()
    assert Subscriber.objects.get().confirmed_at == confirmed_at


def test_the_confirm_button_needs_the_pages_csrf_token(site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    link = confirm_link(mail.outbox[0])
    client = Client(enforce_csrf_checks=True)

    forged = get_link(client, link, method="post")
    assert forged.status_code == 403
    assert Subscriber.objects.get().confirmed_at is None

    page = get_link(client, link)
    token = BeautifulSoup(page.content, "html.parser").select_one(
        "main input[name=csrfmiddlewaretoken]"
    )["value"]
    confirmed = get_link(client, link, method="post", data={"csrfmiddlewaretoken": token})
    assert confirmed.status_code == 200
    assert Subscriber.objects.get().confirmed_at is not None


@pytest.mark.parametrize(
    "tamper",
    [
        lambda link: link.replace("/confirm/", "/confirm/x"),  # altered
        lambda link: link[:-5] + "/",  # cut short
        lambda link: link.rsplit("/confirm/", 1)[0] + "/confirm/made-up:token:sig/",
        lambda link: link.replace("/confirm/", "/unsubscribe/"),  # wrong purpose
    ],
)
def test_forged_or_damaged_links_get_a_clear_404_page(client, site_tree, tamper, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    link = confirm_link(mail.outbox[0])

    response = get_link(client, tamper(link))
    posted = get_link(client, tamper(link), method="post")

    assert response.status_code == posted.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at is None
    assert Subscriber.objects.count() == 1


def test_unsubscribe_link_used_as_confirm_link_does_not_confirm(client, site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    message = mail.outbox[0]
    forged = unsubscribe_link(message).replace("/unsubscribe/", "/confirm/")

    response = get_link(client, forged, method="post")

    assert response.status_code == 404
    assert Subscriber.objects.get().confirmed_at is None


def test_confirm_link_expires_with_the_unconfirmed_address(client, site_tree, settings, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    link = confirm_link(mail.outbox[0])
    settings.SUBSCRIPTIONS_UNCONFIRMED_DAYS = -1  # every link is older than that

    response = get_link(client, link, method="post")

    assert response.status_code == 404
    assert Subscriber.objects.get().confirmed_at is None


def test_the_unsubscribe_link_asks_and_one_button_unsubscribes(client, site_tree, sign_up):
    sign_up(site_tree.regional_site, "aida@example.org")
    get_link(client, confirm_link(mail.outbox[0]), method="post")
    link = unsubscribe_link(mail.outbox[0])

    # Opening the link (as a mail server's link scanner does) changes nothing.
    page = get_link(client, link)
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert "aida@example.org" in soup.select_one(".lead").get_text()
    form = soup.find("form", method="post")
    assert form.find("button", type="submit").get_text(strip=True) == "Unsubscribe"
    assert Subscriber.objects.count() == 1

    response = get_link(client, link, method="post")

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    assert Subscriber.objects.count() == 0
    assert get_link(client, link, method="post").status_code == 200  # twice is fine
    again = get_link(client, link)
    assert again.status_code == 200
    assert "unsubscribed already" in again.content.decode()


def test_mail_programs_one_click_unsubscribe_post_needs_no_csrf_token(site_tree, make_subscriber):
    from subscriptions import links

    subscriber = make_subscriber("aida@example.org", site_tree.regional_site)
    client = Client(enforce_csrf_checks=True)

    response = get_link(
        client,
        links.unsubscribe_url(subscriber),
        method="post",
        data={"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_forged_unsubscribe_link_deletes_nobody(client, site_tree, make_subscriber):
    subscriber = make_subscriber("aida@example.org", site_tree.regional_site)

    response = client.get(
        f"/en/subscribe/unsubscribe/{subscriber.token}/", HTTP_HOST=site_tree.regional_site.hostname
    )

    assert response.status_code == 404
    assert Subscriber.objects.count() == 1
