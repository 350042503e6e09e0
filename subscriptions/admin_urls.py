from django.urls import path

from subscriptions import admin_views

app_name = "subscriptions_admin"

urlpatterns = [
    path("issues/<int:page_id>/email/", admin_views.preview, name="preview"),
    path("issues/<int:page_id>/email/html/", admin_views.preview_html, name="preview_html"),
    path("issues/<int:page_id>/email/text/", admin_views.preview_text, name="preview_text"),
    path("issues/<int:page_id>/send/", admin_views.send, name="send"),
]
