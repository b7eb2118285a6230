/*
 * A live story's page asks for new updates without a reload (reader/live.py).
 *
 * Every data-live-interval seconds, while the tab is visible and the coverage
 * goes on, it fetches the story's small cached answer: every update readers
 * see as [id, version], with the HTML of the newest. New updates go in at the
 * top, edited ones are replaced, taken-down ones removed; a polite live region
 * says so, and neither focus nor the reading position moves. When the answer
 * lacks the HTML of an edited older update it asks once for all (?all=1).
 * Failed polls back off (doubling, up to 16 times the interval).
 */
(function () {
  "use strict";

  var feed = document.querySelector("[data-live-updates]");
  if (!feed || !window.fetch || !("content" in document.createElement("template"))) {
    return;
  }
  var address = feed.getAttribute("data-live-updates");
  var seconds = parseInt(feed.getAttribute("data-live-interval"), 10) || 20;
  var list = feed.querySelector(".live__updates");
  var head = document.querySelector("[data-live-head]");
  var announcer = feed.querySelector("[data-live-announce]");
  var lastHead = null;
  var failures = 0;
  var timer = null;
  var stopped = feed.getAttribute("data-live-ongoing") !== "true";

  function schedule() {
    window.clearTimeout(timer);
    if (stopped || document.hidden) {
      return;
    }
    var wait = seconds * 1000 * Math.pow(2, Math.min(failures, 4));
    timer = window.setTimeout(function () { poll(false); }, wait);
  }

  function element(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function shownNodes() {
    var nodes = {};
    Array.prototype.forEach.call(list.querySelectorAll("[data-update-id]"), function (node) {
      nodes[node.getAttribute("data-update-id")] = node;
    });
    return nodes;
  }

  /* Apply an answer; false when it lacks the HTML of an update this page needs. */
  function apply(answer) {
    var html = {};
    answer.updates.forEach(function (update) { html[update.id] = update.html; });
    var nodes = shownNodes();
    var wanted = {};
    var needed = false;
    answer.shown.forEach(function (pair) {
      var node = nodes[pair[0]];
      var current = node && node.getAttribute("data-version") === String(pair[1]);
      if (!current && html[pair[0]] === undefined) {
        needed = true;
      }
      wanted[pair[0]] = true;
    });
    if (needed && !answer.complete) {
      return false;
    }
    var added = 0;
    Object.keys(nodes).forEach(function (id) {
      if (!wanted[id]) {
        nodes[id].remove();
      }
    });
    var previous = null;
    answer.shown.forEach(function (pair) {
      var id = String(pair[0]);
      var node = nodes[id];
      if (!node || node.getAttribute("data-version") !== String(pair[1])) {
        var fresh = element(html[id]);
        if (node) {
          node.replaceWith(fresh);
        } else {
          added += 1;
        }
        node = fresh;
      }
      var expected = previous ? previous.nextElementSibling : list.firstElementChild;
      if (expected !== node) {
        list.insertBefore(node, expected);
      }
      previous = node;
    });
    var empty = list.querySelector(".live-update--none");
    if (empty && answer.shown.length) {
      empty.remove();
    }
    if (head && answer.head !== lastHead) {
      head.innerHTML = answer.head;
      lastHead = answer.head;
    }
    if (added && announcer) {
      announcer.textContent = feed.getAttribute(added === 1 ? "data-announce-one" : "data-announce-many");
    }
    if (answer.interval) {
      seconds = answer.interval;
    }
    stopped = !answer.ongoing;
    return true;
  }

  function poll(everything) {
    window.clearTimeout(timer);
    fetch(address + (everything ? "?all=1" : ""), {
      credentials: "omit",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        failures = 0;
        if (!apply(answer) && !everything) {
          poll(true);
          return;
        }
        schedule();
      })
      .catch(function () {
        failures += 1;
        schedule();
      });
  }

  document.addEventListener("visibilitychange", function () {
    if (document.hidden) {
      window.clearTimeout(timer);
    } else if (!stopped) {
      poll(false);
    }
  });
  schedule();
})();
