// The body's preview on the story form follows the typing: a moment after
// the journalist stops, the text goes to the server, which renders it as the
// story page will (the same Markdown renderer and sanitizer, the story's
// photos and quotes at their markers). Without scripts the preview shows the
// body as last saved.
"use strict";
// The admin loads form scripts in the page's head: wait for the form.
document.addEventListener("DOMContentLoaded", () => {
    const preview = document.getElementById("body-preview");
    const textarea = document.getElementById("id_body");
    const form = document.getElementById("article_form");
    if (preview && textarea && form && preview.dataset.previewUrl) {
        const url = preview.dataset.previewUrl;
        const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
        let timer = null;
        let pending = null;
        const refresh = () => {
            // Only the latest text's preview is shown, whatever order answers arrive in.
            if (pending) {
                pending.abort();
            }
            pending = new AbortController();
            const body = new FormData();
            body.append("csrfmiddlewaretoken", token);
            body.append("body", textarea.value);
            fetch(url, {method: "POST", body, credentials: "same-origin", signal: pending.signal})
                .then((response) => response.ok ? response.text() : null)
                .then((html) => {
                    if (html !== null) {
                        // The server's sanitized rendering, as the story page shows it.
                        preview.innerHTML = html;
                    }
                })
                .catch(() => {});
        };
        textarea.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(refresh, 300);
        });
    }
});
