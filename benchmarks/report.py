"""The table `make bench` writes into README.md, between two marker comments, from the figures of latest.json."""

import re
from pathlib import Path

START, END = "<!-- bench-results:start -->", "<!-- bench-results:end -->"


def table(report: dict) -> str:
    region = report["region"]
    settings = report["settings"]
    lines = [
        f"Measured {report['when']} with `make bench` (scale {settings['scale']}: "
        f"{region['data']['members']} members, {region['data']['enrolments']} enrolments, "
        f"{region['data']['materials']} materials; demo size = demo data + scale {settings['demo_scale']}), "
        f"gunicorn with {settings['gunicorn_workers']} sync workers, wrk at {settings['connections']} connections, "
        f"{settings['rounds']} interleaved rounds of {settings['seconds_per_run']:g} s, on {settings['cpu_count']} "
        f"cores shared with other work (load average {report['load_average_at_end']:.1f} at the end).",
        "",
        "| page | req/s | p50 ms | p95 ms | p99 ms | of bare view | at scale / at demo size (p50) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in region["pages"].items():
        scale_ratio = "" if name == "bare view" else f"x{figures['scale_ratio_p50']:.2f}"
        errors = " (errors!)" if figures["non_2xx"] or figures["socket_errors"] else ""
        lines.append(
            f"| {name}{errors} | {figures['rps']:.0f} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} | "
            f"{figures['p99_ms']:.1f} | {figures['ratio_to_bare'] * 100:.1f} % | {scale_ratio} |"
        )
    direct, storm, newsletter = region["enrolment_direct"], region["enrol_storm"], report["newsletter"]
    lines.append("")
    if "error" in direct:
        lines.append(f"- Enrolment, the service called directly: not measured ({direct['error']}).")
    else:
        lines.append(
            f"- Enrolment, the service called directly by {direct['threads']} threads for one event "
            f"({direct['members']} members, {direct['capacity']} seats): **{direct['enrolments_per_second']:.0f}/s** "
            f"(plain inserts: {direct['plain_inserts_per_second']:.0f}/s); confirmed {direct['confirmed']}."
        )
    if "error" in storm:
        lines.append(f"- Members pressing Enrol at once: not measured ({storm['error']}).")
    else:
        lines.append(
            f"- {storm['members']} logged-in members pressing Enrol at once through gunicorn: the last answer after "
            f"**{storm['seconds_until_last_answer']:.1f} s** (median {storm['median_seconds']:.1f} s); confirmed "
            f"{storm['confirmed']} of {storm['capacity']} seats, {storm['waitlisted']} on the waiting list."
        )
    if "error" in newsletter:
        lines.append(f"- Newsletter: not measured ({newsletter['error']}).")
    else:
        lines.append(
            f"- Newsletter to {newsletter['subscribers']} subscribers: {newsletter['portal_rate']:.0f} messages/s "
            f"against {newsletter['loop_rate']:.0f}/s for a plain smtplib loop: **{newsletter['ratio']:.2f}** of it."
        )
    lines.append("- Demo-size figures and every page's path are in `benchmarks/results/latest.json`.")
    return "\n".join(lines)


def write_readme_table(report: dict, readme: Path) -> None:
    text = readme.read_text()
    block = f"{START}\n{table(report)}\n{END}"
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _match: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    readme.write_text(text)
