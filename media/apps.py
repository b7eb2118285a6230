from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "media"
    label = "media"
    verbose_name = _("Photographs")

    def ready(self):
        import mimetypes

        from django.db.models.signals import post_delete

        # Served uploads and object-storage uploads take their Content-Type from
        # the extension; make sure WebP renditions are not sent as octet-stream
        # on systems whose MIME table lacks it.
        mimetypes.add_type("image/webp", ".webp")

        from .models import Photograph
        from .services import remove_files

        def photograph_deleted(sender, instance, **kwargs):
            remove_files(photograph=instance)

        post_delete.connect(photograph_deleted, sender=Photograph, weak=False)

        from people.signals import source_protected

        from .services import withdraw_portrait

        source_protected.connect(withdraw_portrait, dispatch_uid="withdraw-protected-portrait")
