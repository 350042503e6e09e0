from django.urls import path
from wagtail import hooks

from images import views


@hooks.register("register_admin_urls")
def register_original_url():
    return [path("images/<int:image_id>/original/", views.original, name="image_original")]
