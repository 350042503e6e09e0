"""Subscribers in the admin: listed and inspected by those allowed to view
them (administrators), deleted by those allowed to delete them, never added
or edited (people sign up and confirm themselves)."""

import django_filters
from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from subscriptions.models import Subscriber


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class SubscriberFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Subscriber
        fields = ["site", "language", "confirmed"]


def subscriber_counts():
    """Confirmed and pending subscribers per site and language."""
    languages = dict(settings.LANGUAGES)
    rows = (
        Subscriber.objects.values("site__site_name", "site__hostname", "language")
        .annotate(
            confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)),
            pending=Count("pk", filter=Q(confirmed_at__isnull=True)),
        )
        .order_by("site__site_name", "site__hostname", "language")
    )
    return [
        {
            "site": row["site__site_name"] or row["site__hostname"],
            "language": languages.get(row["language"], row["language"]),
            "confirmed": row["confirmed"],
            "pending": row["pending"],
        }
        for row in rows
    ]


class SubscriberIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("site")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subscriber_counts"] = subscriber_counts()
        return context


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Subscribers")
    menu_order = 900
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    index_template_name = "subscriptions/admin/subscriber_index.html"
    list_display = [
        "email",
        Column("site", label=_("Site"), accessor="site.site_name", sort_key="site__site_name"),
        "language",
        "confirmed_at",
        "created_at",
    ]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = ["email", "site", "language", "confirmed_at", "created_at"]
    copy_view_enabled = False
    form_fields = ["email"]  # no form is ever shown: nobody may add or change
