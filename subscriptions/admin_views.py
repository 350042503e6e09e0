"""Admin views of a report issue's e-mail edition: preview it, send it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.admin.utils import get_valid_next_url_from_request

from subscriptions.edition import EmailEdition
from subscriptions.models import Delivery, Subscriber


def _issue(request, page_id):
    from newsroom.models import ReportIssuePage

    issue = get_object_or_404(ReportIssuePage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return issue


def _site_name(site):
    return site.site_name or site.hostname


def can_send(issue, user):
    """Only the live issue is sent, by someone who may publish it."""
    return issue.live and issue.permissions_for_user(user).can_publish()


def _preview_edition(issue):
    """The edition of the issue's latest revision: what the editor works on."""
    return EmailEdition(issue.get_latest_revision_as_object())


@require_safe
def preview(request, page_id):
    issue = _issue(request, page_id)
    edition = _preview_edition(issue)
    _html, text = edition.render(edition.preview_unsubscribe_url())
    return TemplateResponse(
        request,
        "subscriptions/admin/preview.html",
        {
            "issue": issue,
            "edition": edition,
            "subject": edition.subject,
            "text": text,
            "language": issue.locale.get_display_name(),
            "site": _site_name(edition.site),
            "subscriber_count": Subscriber.objects.for_issue(issue).count(),
            "draft_differs": issue.has_unpublished_changes,
            "can_send": can_send(issue, request.user),
            "header_title": _("E-mail edition: %(title)s") % {"title": issue.title},
        },
    )


@require_safe
def preview_html(request, page_id):
    edition = _preview_edition(_issue(request, page_id))
    html, _text = edition.render(edition.preview_unsubscribe_url())
    return HttpResponse(html)


@require_safe
def preview_text(request, page_id):
    edition = _preview_edition(_issue(request, page_id))
    _html, text = edition.render(edition.preview_unsubscribe_url())
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "POST"])
def send(request, page_id):
    issue = _issue(request, page_id)
    if not can_send(issue, request.user):
        raise PermissionDenied
    subscribers = Subscriber.objects.for_issue(issue)
    deliveries = Delivery.objects.filter(issue=issue)
    pending = subscribers.exclude(deliveries__issue=issue).count()
    next_url = get_valid_next_url_from_request(request) or reverse(
        "wagtailadmin_explore", args=[issue.get_parent().pk]
    )
    if request.method == "POST":
        from subscriptions.tasks import send_issue

        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))
        messages.success(
            request,
            ngettext(
                "'%(title)s' is being sent to %(count)s subscriber.",
                "'%(title)s' is being sent to %(count)s subscribers.",
                pending,
            )
            % {"title": issue.title, "count": pending},
        )
        return redirect(next_url)
    return TemplateResponse(
        request,
        "subscriptions/admin/send.html",
        {
            "issue": issue,
            "language": issue.locale.get_display_name(),
            "site": _site_name(issue.get_site()),
            "subscriber_count": subscribers.count(),
            "sent_count": deliveries.filter(sent_at__isnull=False).count(),
            "pending_count": pending,
            "unconfirmed_count": deliveries.filter(sent_at__isnull=True).count(),
            "preview_url": reverse("subscriptions_admin:preview", args=[issue.pk]),
            "next_url": next_url,
            "header_title": _("Send '%(title)s' to subscribers") % {"title": issue.title},
        },
    )
