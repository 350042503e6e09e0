"""Remove location and device data from the originals stored before uploads
were cleaned (``images.metadata``), and drop their renditions so they are made
again from the clean file. Safe to run again: a clean file is left alone."""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from images.metadata import MetadataError, strip_metadata


class Command(BaseCommand):
    help = "Remove GPS, camera and XMP/IPTC data from the stored originals of every image."

    def handle(self, *args, **options):
        cleaned = unreadable = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            try:
                with image.open_file() as stored:
                    original = stored.read()
                data = strip_metadata(original)
            except (OSError, MetadataError) as error:
                unreadable += 1
                self.stderr.write(f"{image.pk} {image.title}: left as it is ({error})")
                continue
            if data == original:
                continue
            storage, name = image.file.storage, image.file.name
            storage.delete(name)
            saved = storage.save(name, ContentFile(data))
            image.file.name = saved
            image.file_size = len(data)
            image.file_hash = hash_filelike(ContentFile(data))
            image.save(update_fields=["file", "file_size", "file_hash"])
            image.renditions.all().delete()
            cleaned += 1
        self.stdout.write(f"{cleaned} original(s) cleaned, {unreadable} left unreadable.")
