"""
The end of bench/cluster.py: whether both servers show the same data once
the load is over (every save answered as a success, the desk's changes),
and the figures of the run.
"""

import html
import sys

from cluster_desk import Desk, DeskError, read, rendition_address, shows
from load import print_errors
from page_load import percentile


def normal(text):
    return text.replace("\r\n", "\n").strip()


def agreement(cluster, scenario, setup, stored, password):
    """
    Through each server: every load draft's change form holds the body the
    database holds (its last save answered as a success, or a later one
    whose answer was lost), and every story the desk changed shows its last
    headline, and its uploaded photo's renditions.
    """
    lines, failed = [], False
    username, app_key = setup["editors"][0]["username"], setup["editors"][0]["app_key"]
    paths = {story["pk"]: story["path"] for story in scenario.stories}
    for name, port in cluster.ports.items():
        try:
            desk = Desk(port, name, username, password, app_key)
            bodies = {
                entry["story"]: dict(desk.story_fields(entry["story"])).get("body", "")
                for entry in setup["editors"]
            }
        except (DeskError, OSError) as error:
            lines.append(f"{name}: the drafts could not be read: {error}")
            failed = True
            continue
        differ = [
            story for story, body in bodies.items()
            if normal(body) != normal(stored[str(story)]["body"])
        ]  # fmt: skip
        failed |= bool(differ)
        lines.append(
            f"{name}: {len(bodies) - len(differ)}/{len(bodies)} load drafts "
            "as the database holds them" + (f" (differ: {differ})" if differ else "")
        )
        for pk, headline in scenario.headlines.items():
            seen = shows(port, paths[pk], html.escape(headline))
            failed |= not seen
            lines.append(
                f"{name}: story {pk} {'shows' if seen else 'does NOT show'} its last headline"
            )
        if scenario.photo:
            story, alt_text = scenario.photo
            address = rendition_address(read(port, story["path"])[1], alt_text)
            failed |= address is None
            lines.append(
                f"{name}: story {story['pk']} "
                f"{'serves' if address else 'does NOT serve'} the uploaded photo's renditions"
            )
    return {"failed": failed, "lines": lines}


def report(options, servers, result, lost, scenario, agreed, log_lines, elapsed):
    ms = 1000
    seconds = result["elapsed"]
    readers = result["readers"]
    saves = [latency for record in result["records"].values() for latency in record["latencies"]]
    print(
        f"\nPostgreSQL, Redis, S3 (moto), gunicorn A and B with {options.workers} workers each, "
        f"one task worker; {options.readers} readers and {options.editors} editors for "
        f"{seconds:.1f} s; Python {sys.version.split()[0]}"
    )
    for name in servers.names:
        answered = servers.answered[name]
        print(
            f"server {name}: {answered} responses, {answered / seconds:.1f} req/s over the run; "
            f"connections refused {servers.refused[name]} (sent on to the other server)"
        )
    print(
        f"readers: {len(readers)} responses, {len(readers) / seconds:.1f} req/s, "
        f"p50 {percentile(readers, 50) * ms:.1f} ms, p95 {percentile(readers, 95) * ms:.1f} ms, "
        f"p99 {percentile(readers, 99) * ms:.1f} ms"
    )
    by_server = {}
    for record in result["records"].values():
        for name, count in record.get("servers", {}).items():
            by_server[name] = by_server.get(name, 0) + count
    unconfirmed = sum(len(record["unconfirmed"]) for record in result["records"].values())
    per_server = ", ".join(f"{name} {count}" for name, count in sorted(by_server.items()))
    print(
        f"saves:   {len(saves)} acknowledged ({per_server}), "
        f"{len(saves) / seconds:.2f} saves/s, p50 {percentile(saves, 50) * ms:.1f} ms, "
        f"p99 {percentile(saves, 99) * ms:.1f} ms; {unconfirmed} sent without an answer "
        f"(not counted; {agreed['unanswered kept']} of them kept); editors ending on "
        f"{', '.join(editor.server for editor in result['editors'])}"
    )
    for name in servers.names:
        probes = [status for who, status, _s, down in result["health"] if who == name and not down]
        print(f"health {name}: {sum(s == 200 for s in probes)}/{len(probes)} answered 200 while up")
    print(f"lost saves: {lost}; requests in all: {result['requests']} (cap {options.max_requests})")
    print("times (from a change answered to the first answer showing it, which is mostly")
    print("the other server's time to answer under this load; uploads: to the renditions;")
    print("sign-ins: the whole sign-in, before the load):")
    for what, value in scenario.figures.items():
        print(f"  {what}: {'—' if value is None else f'{value * ms:.0f} ms'}")
    print("checks:")
    for what, passed, detail in scenario.checks:
        print(f"  {'ok  ' if passed else 'FAIL'} {what}{f' ({detail})' if detail else ''}")
    print("after the run, through both servers:")
    for line in agreed["lines"]:
        print(f"  {line}")
    print_errors(result["tally"], 'errors by kind ("expected": on A while it was down)')
    for name, lines in log_lines.items():
        if lines:
            print(f"{name}'s log (errors, last lines):")
            for line in lines:
                print(f"  {line[:300]}")
    print(f"the whole run, processes started to stopped: {elapsed:.0f} s")
