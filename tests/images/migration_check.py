"""Run by tests/images/test_migration.py in a fresh process and a database of
its own (DATABASE_URL): migrate to the state before the site's image model,
make an image with a focal point, a tag, a rendition, an uploader and a
collection, a story whose lead image and body block use it and a reference to
it, then migrate forwards and print what survived as JSON."""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")
django.setup()

from django.db import connection  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402

executor = MigrationExecutor(connection)
graph = executor.loader.graph
LEAVES = graph.leaf_nodes()
# Everything but the image model's migrations and what depends on them.
LATER = set(graph.backwards_plan(("images", "0001_initial")))
BEFORE = [
    node
    for node in executor.migration_plan(LEAVES)
    if (node[0].app_label, node[0].name) not in LATER
]
executor.migrate(LEAVES, plan=BEFORE)
old = executor.loader.project_state([(m.app_label, m.name) for m, _ in BEFORE]).apps

ContentType = old.get_model("contenttypes", "ContentType")
Collection = old.get_model("wagtailcore", "Collection")
Locale = old.get_model("wagtailcore", "Locale")
Page = old.get_model("wagtailcore", "Page")
NewsItemPage = old.get_model("newsroom", "NewsItemPage")
Image = old.get_model("wagtailimages", "Image")
Rendition = old.get_model("wagtailimages", "Rendition")
Tag = old.get_model("taggit", "Tag")
TaggedItem = old.get_model("taggit", "TaggedItem")
ReferenceIndex = old.get_model("wagtailcore", "ReferenceIndex")
User = old.get_model("auth", "User")

root_collection = Collection.objects.get(depth=1)
collection = Collection.objects.create(
    name="Kyrgyzstan", path=root_collection.path + "0001", depth=2, numchild=0
)
root_collection.numchild = 1
root_collection.save()
user = User.objects.create(username="photographer")
for pk in (1, 2, 3):  # the sequence must move past the copied keys
    image = Image.objects.create(
        pk=pk * 10,
        title=f"Food aid {pk}",
        file=f"original_images/food_aid_{pk}.jpg",
        width=800,
        height=600,
        focal_point_x=100,
        focal_point_y=120,
        focal_point_width=50,
        focal_point_height=60,
        file_size=12345,
        file_hash="abc123",
        collection=collection,
        uploaded_by_user=user,
    )
image = Image.objects.get(pk=10)
rendition = Rendition.objects.create(
    image=image,
    filter_spec="width-400",
    file="images/food_aid_1.width-400.jpg",
    width=400,
    height=300,
    focal_point_key="",
)
image_type = ContentType.objects.get(app_label="wagtailimages", model="image")
tag = Tag.objects.create(name="food aid", slug="food-aid")
TaggedItem.objects.create(tag=tag, content_type=image_type, object_id=image.pk)

locale = Locale.objects.first()
root = Page.objects.get(depth=1)
story_type, _ = ContentType.objects.get_or_create(app_label="newsroom", model="newsitempage")
story = NewsItemPage.objects.create(
    title="Food aid reaches Batken",
    slug="food-aid",
    path=root.path + "9999",
    depth=2,
    numchild=0,
    content_type=story_type,
    locale=locale,
    url_path="/food-aid/",
    draft_title="Food aid reaches Batken",
    summary="Food aid.",
    lead_image=image,
    lead_image_alt="Families receive food aid",
    body=json.dumps([{"type": "image", "value": {"image": 20, "alt_text": "A truck"}, "id": "b1"}]),
)
ReferenceIndex.objects.create(
    content_type=story_type,
    base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
    object_id=str(story.pk),
    to_content_type=image_type,
    to_object_id=str(image.pk),
    model_path="lead_image",
    content_path="lead_image",
    content_path_hash="00000000-0000-0000-0000-000000000001",
)

executor = MigrationExecutor(connection)
executor.migrate(executor.loader.graph.leaf_nodes())
executor = MigrationExecutor(connection)
assert not executor.migration_plan(executor.loader.graph.leaf_nodes())

from django.contrib.contenttypes.models import ContentType as CurrentContentType  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import ReferenceIndex as CurrentReferenceIndex  # noqa: E402

from newsroom.models import NewsItemPage as CurrentStory  # noqa: E402

CustomImage = get_image_model()
image = CustomImage.objects.get(pk=10)
story = CurrentStory.objects.get(slug="food-aid")
new_image = CustomImage.objects.create(
    title="Uploaded after",
    file="original_images/after.jpg",
    width=1,
    height=1,
    collection_id=image.collection_id,
)
rendition = image.renditions.get()
print(
    json.dumps(
        {
            "model": CustomImage._meta.label,
            "images": sorted(
                CustomImage.objects.exclude(pk=new_image.pk).values_list("pk", flat=True)
            ),
            "file": image.file.name,
            "focal_point": [
                image.focal_point_x,
                image.focal_point_y,
                image.focal_point_width,
                image.focal_point_height,
            ],
            "collection": image.collection.name,
            "uploaded_by": image.uploaded_by_user.username,
            "file_size": image.file_size,
            "file_hash": image.file_hash,
            "tags": sorted(image.tags.names()),
            "rendition": [
                rendition.pk,
                rendition.filter_spec,
                rendition.file.name,
                rendition.width,
            ],
            "lead_image": [story.lead_image_id, type(story.lead_image).__name__],
            "body_image": [
                story.body[0].value["image"].pk,
                type(story.body[0].value["image"]).__name__,
            ],
            "references": list(
                CurrentReferenceIndex.objects.filter(
                    to_content_type=CurrentContentType.objects.get_for_model(CustomImage),
                    to_object_id="10",
                ).values_list("model_path", flat=True)
            ),
            "new_pk_after_copied": new_image.pk > 30,
        }
    )
)
