from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from articles.models import Article


class PhotoNeeded(models.Model):
    """
    A photo an imported story carries whose image file did not come with it:
    the caption and credit wait here until someone attaches the picture.
    """

    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="photos_needed",
    )
    position = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_(
            "The number in the body's [photo N] marker where the photo goes; "
            "empty for the lead photo."
        ),
    )
    caption = models.TextField(_("caption"), blank=True)
    alt_text = models.CharField(_("alt text"), max_length=300, blank=True)
    credit_agency = models.CharField(_("agency"), max_length=100, blank=True)
    photographer = models.ForeignKey(
        "people.Person",
        verbose_name=_("photographer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="photos_needed",
    )
    date_taken = models.DateField(_("date taken"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    source_file = models.CharField(
        _("file in the source"),
        max_length=500,
        blank=True,
        help_text=_("The image's file name or address in the system the story came from."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        db_table = "articles_photoneeded"
        ordering = ["article", "position"]
        verbose_name = _("photo needed")
        verbose_name_plural = _("photos needed")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="photo_needed_unique_number"
            ),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(position__isnull=True),
                name="photo_needed_one_lead",
            ),
        ]

    def __str__(self):
        if self.position is None:
            return f"Lead photo for “{self.article}”"
        return f"Photo {self.position} for “{self.article}”"


class ImportKind(models.TextChoices):
    POST = "post", _("Story")
    ATTACHMENT = "attachment", _("Photograph")
    AUTHOR = "author", _("Author")


class ImportedItem(models.Model):
    """
    A story, photograph or author brought in from another system, under its
    identifier there, so that importing the same export again updates it.
    """

    Kind = ImportKind

    source = models.CharField(
        _("source"), max_length=300, help_text=_("The system it came from: a site's address.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    external_id = models.CharField(_("identifier in the source"), max_length=200)
    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_records",
    )
    photograph = models.ForeignKey(
        "media.Photograph",
        verbose_name=_("photograph"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_records",
    )
    person = models.ForeignKey(
        "people.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_records",
    )
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        db_table = "articles_importeditem"
        ordering = ["source", "kind", "external_id"]
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "external_id"], name="imported_item_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[choice.value for choice in ImportKind]),
                name="imported_item_kind_valid",
            ),
            models.CheckConstraint(
                condition=(
                    Q(kind="post", article__isnull=False, photograph__isnull=True)
                    & Q(person__isnull=True)
                )
                | (
                    Q(kind="attachment", article__isnull=True, photograph__isnull=False)
                    & Q(person__isnull=True)
                )
                | (
                    Q(kind="author", article__isnull=True, photograph__isnull=True)
                    & Q(person__isnull=False)
                ),
                name="imported_item_one_target",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.external_id} from {self.source}"


class FormerPermalink(models.Model):
    """
    An address a story had on the site it was imported from (a WordPress
    permalink: ``/2024/05/families-evicted/``, ``/families-evicted/``,
    ``/?p=201``), kept so that old links reach it here: the address answers
    with a permanent redirect to the story, once it is published
    (``importing.permalinks``).
    """

    path = models.CharField(
        _("address"),
        max_length=500,
        unique=True,
        help_text=_("The path on the old site, decoded, without its trailing slash."),
    )
    article = models.ForeignKey(
        Article,
        verbose_name=_("story"),
        on_delete=models.CASCADE,
        related_name="former_permalinks",
    )

    class Meta:
        ordering = ["path"]
        verbose_name = _("former permalink")
        verbose_name_plural = _("former permalinks")

    def __str__(self):
        return self.path


class WordPressImport(models.Model):
    """
    A WordPress export uploaded in the workspace, imported by a background
    task (``importing.wordpress.jobs``). The export itself (private posts,
    authors' e-mail addresses) is kept only until the import has run; what
    stays is the report.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting to run")
        RUNNING = "running", _("running")
        DONE = "done", _("imported")
        FAILED = "failed", _("not imported")

    file_name = models.CharField(_("file"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    export = models.BinaryField(_("export"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.WAITING)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    report = models.JSONField(_("report"), null=True, blank=True)
    error = models.TextField(_("why it was not imported"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["waiting", "running", "done", "failed"]),
                name="wordpress_import_status_valid",
            ),
        ]

    def __str__(self):
        return self.file_name
