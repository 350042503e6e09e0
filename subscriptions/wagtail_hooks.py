from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from subscriptions import admin_urls
from subscriptions.models import Subscriber
from subscriptions.viewsets import SubscriberPermissionPolicy, SubscriberViewSet

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("subscriptions/", include(admin_urls, namespace="subscriptions_admin"))]


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return SubscriberViewSet("subscribers")


def _issue_buttons(page, user):
    """ "E-mail edition" for those who may edit a report issue; "Send to
    subscribers" for those who may publish it, once it is live."""
    from newsroom.models import ReportIssuePage

    if page.specific_class is not ReportIssuePage:
        return
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        return
    yield Button(
        _("E-mail edition"),
        reverse("subscriptions_admin:preview", args=[page.pk]),
        icon_name="mail",
        priority=35,
    )
    if page.live and permissions.can_publish():
        yield Button(
            _("Send to subscribers"),
            reverse("subscriptions_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=36,
        )


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page, user, view_name, next_url=None):
    yield from _issue_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def issue_listing_buttons(page, user, next_url=None):
    yield from _issue_buttons(page, user)
