// Who else has this story open: tell the server every 45 seconds (or the
// panel's data-presence-seconds) that the page is still open, show the others
// it knows of, and say goodbye on leaving. The admin loads this script in the
// page's head: it starts once the page is there.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
    const panel = document.getElementById("workflow");
    const form = document.getElementById("article_form");
    if (panel && form && panel.dataset.presenceUrl) {
        const url = panel.dataset.presenceUrl;
        const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
        const notice = document.getElementById("workflow-presence");
        const beat = () => {
            const body = new FormData();
            body.append("csrfmiddlewaretoken", token);
            // Marked as the page's, not its reader's: it keeps the session going
            // without counting as activity (workflow/sessions.py).
            fetch(url, {method: "POST", body, credentials: "same-origin", headers: {"X-Still-Open": "1"}})
                .then((response) => response.ok ? response.json() : null)
                .then((data) => {
                    if (!data || !notice) {
                        return;
                    }
                    notice.textContent = data.others.length
                        ? interpolate(gettext("Also open right now by: %s. Save often: a save over theirs is refused, never lost."), [data.others.join(", ")])
                        : "";
                    notice.classList.toggle("hidden", !data.others.length);
                })
                .catch(() => {});
        };
        setInterval(beat, 1000 * (Number(panel.dataset.presenceSeconds) || 45));
        window.addEventListener("pagehide", () => {
            const body = new FormData();
            body.append("csrfmiddlewaretoken", token);
            body.append("leave", "1");
            navigator.sendBeacon(url, body);
        });
    }
});
