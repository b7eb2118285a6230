from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.core.checks import register

        from media.services import register_lock
        from media.signals import photograph_changed
        from people.protection import register_places
        from people.signals import source_protected

        from . import account_events, photos, protection, sessions
        from .second_factor import signin  # noqa: F401  (its receivers)

        # A photo a story in an editor's hands shows is the editors' to change,
        # and each change is kept in the revisions of the stories showing it.
        register_lock(photos.photographs_in_editors_hands)
        photograph_changed.connect(
            photos.record_photograph_change, dispatch_uid="story-photograph-changed"
        )
        # Where stories and photos still name a protected source, for the editor.
        register_places(find=protection.find, take_down=protection.take_down)
        source_protected.connect(
            protection.forget_names_in_notes, dispatch_uid="story-notes-protected"
        )
        # Sign-ins, passwords and roles: the audit log, sessions, notices by mail.
        account_events.connect()
        register(sessions.check_session_engine)
