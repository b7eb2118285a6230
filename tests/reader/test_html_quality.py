"""
Every kind of public page, as served, is valid HTML (the Nu Html Checker
reports no error) and accessible (axe-core finds no serious or critical
violation). ``scripts/ensure-quality-tools`` installs both checkers.
"""

import json
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from django.template import loader
from django.test import RequestFactory
from django.utils import translation

from reader.views.stories import render_article
from tests.support import ROOT
from tests.support.browser import BrowserTestCase
from tests.support.factories import (
    make_affiliation,
    make_article,
    make_organization,
    make_photograph,
    make_published_article,
    make_quote,
    make_section,
    make_topic,
    make_user,
)
from tests.support.live import make_live_story, post_update
from tests.support.reader import make_full_story

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = {"serious", "critical"}
# One short run of the checker: the JIT's quick tier alone spends half the CPU
# of its default two; its frames are deeper, hence the stack the checker asks for.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss4m"]
AXE_RUN = """() => axe.run(document, {
    runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    },
}).then(result => result.violations.map(violation => ({
    id: violation.id,
    impact: violation.impact,
    nodes: violation.nodes.map(node => node.target.join(' ')).slice(0, 3),
})))"""


def require_tools():
    missing = [str(path.relative_to(ROOT)) for path in (VNU, AXE) if not path.exists()]
    if missing or shutil.which("java") is None:
        raise RuntimeError(
            f"The HTML checkers are missing ({', '.join(missing) or 'java'}): "
            "run scripts/ensure-quality-tools (make test does)."
        )


class ServedPagesQualityTests(BrowserTestCase):
    """The checkers run against the live server, so they see exactly what readers get."""

    def setUp(self):
        super().setUp()
        require_tools()
        self.pages = build_every_page_kind()

    def fetch(self, path):
        try:
            with urllib.request.urlopen(self.url(path)) as response:  # noqa: S310
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def test_every_page_kind_is_valid_html(self):
        """The Nu Html Checker finds no error on any page kind (warnings are allowed)."""
        with tempfile.TemporaryDirectory() as folder:
            files = {}
            for name, (path, status) in self.pages.items():
                code, content = self.fetch(path)
                self.assertEqual(code, status, f"{name}: {path}")
                files[name] = Path(folder) / f"{name}.html"
                files[name].write_bytes(content)
            for name, content in pages_rendered_without_a_url().items():
                files[name] = Path(folder) / f"{name}.html"
                files[name].write_text(content)
            command = ["--format", "json", "--stdout", *map(str, files.values())]
            result = subprocess.run(  # noqa: S603
                [shutil.which("java"), *JAVA_OPTIONS, "-jar", str(VNU), *command],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
        messages = json.loads(result.stdout)["messages"]
        errors = [
            f"{Path(message.get('url', '')).stem}: {message['message']} "
            f"(line {message.get('lastLine')}: {message.get('extract', '').strip()})"
            for message in messages
            if message["type"] == "error" or message.get("subType") == "fatal"
        ]
        self.assertEqual(errors, [])
        self.assertEqual(
            len(files), len(self.pages) + len(pages_rendered_without_a_url()), "every page checked"
        )

    def test_every_page_kind_has_no_serious_accessibility_violation(self):
        """axe-core (WCAG 2.x A and AA rules) finds nothing serious or critical."""
        # axe is injected as a script of its own; the site's policy rightly refuses it.
        context = self.browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        self.addCleanup(context.close)
        page = context.new_page()
        problems = {}
        for name, (path, _status) in self.pages.items():
            for width in (1280, 390):
                page.set_viewport_size({"width": width, "height": 900})
                page.goto(self.url(path))
                page.add_script_tag(path=str(AXE))
                violations = page.evaluate(AXE_RUN)
                severe = [v for v in violations if v["impact"] in SEVERE]
                if severe:
                    problems[f"{name} at {width}px"] = severe
        self.assertEqual(problems, {})


def build_every_page_kind():
    """
    Content for each kind of public page; return ``{name: (path, status)}``.
    Stories name their approving editor: a live-server test may run after
    another has flushed the newsroom's groups, so no factory default is used.
    """
    editor = make_user("quality-editor")
    land = make_section("Land")
    topic = make_topic("Land rights")
    organization = make_organization("Land Alliance", acronym="LA")
    story = make_full_story(
        "Families still wait for their land",
        quotes=4,
        people_named=2,
        section=land,
        organization=organization,
        approved_by=editor,
    )
    story.topics.add(topic)
    writer = story.bylines.get().person
    speaker = story.quotes.first().speaker
    speaker.portrait = make_photograph()
    speaker.bio = "President of the Land Alliance since 2019."
    speaker.save()
    with translation.override("km"):
        khmer = make_full_story(
            "យុវជនថា ពួកគេមិនត្រូវបានគេស្តាប់",
            language="km",
            translation_of=story,
            section=land,
            approved_by=editor,
        )
        khmer_url = khmer.get_absolute_url()
    for number in range(3):
        other = make_published_article(
            f"Another land story {number}",
            section=land,
            bylines=[writer],
            lead_photo=make_photograph(),
            approved_by=editor,
            is_featured=number == 0,
        )
        make_quote(other, speaker=speaker)
    make_affiliation(writer, make_organization("Newsroom staff"), title="reporter")
    make_article("A draft", section=make_section("Hidden"))
    live = make_live_story(
        "Counting goes on in Kampot",
        section=land,
        approved_by=editor,
        author=make_user("quality-journalist", first_name="Sok", last_name="Chan"),
        key_points="Turnout was 71 percent\nCounting ends at midnight",
    )
    post_update(
        live,
        author=make_user("quality-reporter"),
        title="Observers speak",
        photo=make_photograph(),
        quote={"speaker": speaker, "text": "Every ballot was shown", "speaker_role": "observer"},
    )
    photo = story.lead_photo
    return {
        "home": ("/", 200),
        "home-km": ("/km/", 200),
        "story": (story.get_absolute_url(), 200),
        "story-khmer": (khmer_url, 200),
        "live-story": (live.get_absolute_url(), 200),
        "live-story-khmer": ("/km" + live.get_absolute_url(), 200),
        "archive": ("/articles/", 200),
        "archive-filtered": (f"/articles/?section=land&language=en&author={writer.slug}", 200),
        "archive-empty": ("/articles/?section=land&language=km&q=nothing", 200),
        "archive-invalid": ("/articles/?published_after=1e1000000", 400),
        "section": (f"/sections/{land.slug}/", 200),
        "topic": (f"/topics/{topic.slug}/", 200),
        "search": ("/search/?q=land", 200),
        "search-empty": ("/search/", 200),
        "person": (f"/people/{speaker.slug}/", 200),
        "journalist": (f"/people/{writer.slug}/", 200),
        "organization": (f"/organizations/{organization.slug}/", 200),
        "photos": ("/photos/", 200),
        "photo": (f"/photos/{photo.pk}/", 200),
        "corrections": ("/corrections/", 200),
        "not-found": ("/articles/2020/01/no-such-story/", 404),
    }


def pages_rendered_without_a_url():
    """Pages no public address serves: the staff preview and the 500 page."""
    from articles.models import Article

    draft = make_full_story("Draft for the preview", status="draft", published_at=None)
    request = RequestFactory().get("/admin/articles/article/preview/", HTTP_HOST="testserver")
    preview = render_article(request, Article.objects.get(pk=draft.pk), preview=True)
    return {
        "preview": preview.content.decode(),
        "server-error": loader.get_template("500.html").render(),
    }
