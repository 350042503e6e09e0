"""Move the images uploaded before the site had its own image model
(``wagtailimages.Image``) to ``images.CustomImage``, keeping everything that
points to them.

The images and their renditions are copied with the same primary keys, so the
values of image blocks in StreamFields (which store the key) and the foreign
keys of the pages (switched to the new model by the migrations that depend on
this one) stay valid. The tags (taggit's generic relation) and the reference
index move to the new model's content type; PostgreSQL's sequences are moved
past the copied keys. Wagtail's own rows are left in place (nothing reads them
any more; the files are shared, so they must not be deleted with them).
"""

from django.core.management.color import no_style
from django.db import migrations

IMAGE_FIELDS = (
    "id",
    "title",
    "file",
    "description",
    "width",
    "height",
    "created_at",
    "uploaded_by_user_id",
    "focal_point_x",
    "focal_point_y",
    "focal_point_width",
    "focal_point_height",
    "file_size",
    "file_hash",
    "collection_id",
)
RENDITION_FIELDS = ("id", "filter_spec", "file", "width", "height", "focal_point_key", "image_id")


def content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def copy_images(apps, schema_editor):
    OldImage = apps.get_model("wagtailimages", "Image")
    OldRendition = apps.get_model("wagtailimages", "Rendition")
    NewImage = apps.get_model("images", "CustomImage")
    NewRendition = apps.get_model("images", "CustomRendition")
    alias = schema_editor.connection.alias

    copied = set(NewImage.objects.using(alias).values_list("pk", flat=True))
    NewImage.objects.using(alias).bulk_create(
        [
            NewImage(**{field: getattr(old, field) for field in IMAGE_FIELDS})
            for old in OldImage.objects.using(alias).exclude(pk__in=copied).iterator()
        ],
        batch_size=500,
    )
    copied = set(NewRendition.objects.using(alias).values_list("pk", flat=True))
    NewRendition.objects.using(alias).bulk_create(
        [
            NewRendition(**{field: getattr(old, field) for field in RENDITION_FIELDS})
            for old in OldRendition.objects.using(alias).exclude(pk__in=copied).iterator()
        ],
        batch_size=500,
    )

    old_type = content_type(apps, "wagtailimages", "image")
    new_type = content_type(apps, "images", "customimage")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedItem.objects.using(alias).filter(content_type=old_type).update(content_type=new_type)
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ReferenceIndex.objects.using(alias).filter(to_content_type=old_type).update(
        to_content_type=new_type
    )

    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), [NewImage, NewRendition])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def move_back(apps, schema_editor):
    """Backwards: the tags and references return to Wagtail's image (which
    still has every row copied forwards); images uploaded since are lost with
    the table, as a backwards migration of a model always loses its rows."""
    alias = schema_editor.connection.alias
    old_type = content_type(apps, "wagtailimages", "image")
    new_type = content_type(apps, "images", "customimage")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedItem.objects.using(alias).filter(content_type=new_type).update(content_type=old_type)
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    ReferenceIndex.objects.using(alias).filter(to_content_type=new_type).update(
        to_content_type=old_type
    )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(copy_images, move_back)]
