"""The plan as one self-contained HTML page: a timeline of CSS bars, then the plan.

No scripts and no fetched styles or fonts: the page opens offline, prints
well (``@media print``) and every piece of data is HTML-escaped. Only the
resource links point outside.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from mlpath import __version__, words
from mlpath.dates import month_starts
from mlpath.export.habits_html import sections as habit_sections
from mlpath.textsafe import dropped

if TYPE_CHECKING:
    from mlpath.export.options import ExportOptions
    from mlpath.view import ItemView, PlanView, ResourceView

CSS = """
:root { --ink: #1d232a; --muted: #5b6470; --line: #d9dee4; --core: #2563a8;
  --other: #8a5cc2; --later: #b8c0ca; --today: #c62828; --done: #2e7d32; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; margin: 0 0 .5rem; }
.profile { margin: 0 0 1rem; }
.timeline { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.axis, .row { display: grid; grid-template-columns: minmax(7rem, 35%) 1fr; gap: .6rem;
  align-items: center; }
.axis { font-size: .75rem; color: var(--muted); height: 1.3rem; }
.row { font-size: .82rem; min-height: 1.35rem; }
.label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.track { position: relative; height: 1rem; }
.axis .track { height: 1.3rem; overflow: hidden; }
.tick { position: absolute; top: 0; border-left: 1px solid var(--line); padding-left: 2px;
  white-space: nowrap; }
.bar { position: absolute; top: .15rem; height: .7rem; border-radius: 3px;
  background: var(--other); min-width: 3px; }
.bar.core { background: var(--core); }
.bar.later { background: var(--later); }
.bar.done { background: var(--done); }
.bar.skipped { background: none; border: 1px dashed var(--later); }
.today { position: absolute; top: -.2rem; bottom: -.2rem; border-left: 2px solid var(--today); }
.legend { font-size: .8rem; color: var(--muted); margin-top: .5rem; }
.swatch { display: inline-block; width: .9rem; height: .6rem; border-radius: 2px;
  margin: 0 .25rem 0 .8rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
section.milestone { border-top: 1px solid var(--line); padding: 1rem 0 .4rem;
  break-inside: avoid; }
.warning { border-left: 4px solid #e0a100; background: #fff8e1; padding: .4rem .7rem; }
ul { margin: .3rem 0 .6rem; padding-left: 1.3rem; }
a { color: var(--core); }
footer { margin-top: 2rem; font-size: .8rem; color: var(--muted); }
@media (max-width: 36rem) {
  .axis, .row { grid-template-columns: 1fr; gap: 0; }
  .axis > span:first-child { display: none; }
  .row { margin-bottom: .25rem; }
}
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .timeline { border: none; padding: 0; }
  .bar, .swatch, .today { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em;
    color: var(--muted); word-break: break-all; }
  h2 { break-after: avoid; }
  .row { break-inside: avoid; }
}
"""


def _e(text: object) -> str:
    # Control characters would reach a terminal raw if the page is printed with `-o -`.
    return escape(dropped(str(text), keep="\n\t"), quote=True)


def _pct(value: float) -> str:
    return f"{value * 100:.3f}%"


def _timeline(view: PlanView, today: dt.date | None) -> list[str]:
    first, last = view.start, view.end
    days = (last - first).days + 1

    def pos(day: dt.date) -> float:
        return (day - first).days / days

    months = month_starts(first, last)
    step = next((k for k in (1, 2, 3, 6, 12) if len(months) / k <= 12), 24)
    ticks: list[str] = []
    for m in months:
        # A tick at the far right edge would spill out of the box.
        if (m.month - 1) % step == 0 and pos(m) < 0.94:
            # Januaries carry the year, so labels stay short enough not to collide.
            label = str(m.year) if m.month == 1 else m.strftime("%b")
            ticks.append(f'<span class="tick" style="left:{_pct(pos(m))}">{_e(label)}</span>')
    out = [
        '<div class="timeline" role="img" aria-label="Timeline of the plan">',
        f'<div class="axis"><span></span><div class="track">{"".join(ticks)}</div></div>',
    ]
    today_mark = ""
    if today is not None and first <= today <= last:
        today_mark = f'<span class="today" style="left:{_pct(pos(today))}"></span>'
    for item in view.items:
        kind = "later" if not item.within_horizon else ("core" if item.core else "other")
        if item.state != "todo":
            kind += f" {item.state}"
        left = pos(item.start)
        width = pos(item.end + dt.timedelta(days=1)) - left
        dates = f"{item.start.isoformat()} → {item.end.isoformat()}"
        title = _e(item.title)
        out.append(
            f'<div class="row"><span class="label" title="{title}">{item.number}. {title}</span>'
            f'<div class="track">{today_mark}<span class="bar {kind}" title="{_e(dates)}"'
            f' style="left:{_pct(left)};width:{_pct(width)}"></span></div></div>'
        )
    legend = [
        '<span class="swatch" style="background:var(--core)"></span>core',
        '<span class="swatch" style="background:var(--other)"></span>other',
    ]
    if any(item.state == "done" for item in view.items):
        legend.append('<span class="swatch" style="background:var(--done)"></span>done')
    if view.beyond:
        legend.append(
            '<span class="swatch" style="background:var(--later)"></span>after the horizon'
        )
    if today_mark and today is not None:
        legend.append(
            '<span class="swatch" style="background:var(--today)"></span>'
            f"today ({today.isoformat()})"
        )
    out += [f'<div class="legend">{"".join(legend)}</div>', "</div>"]
    return out


def _resource(resource: ResourceView) -> str:
    title = _e(resource.title)
    if resource.link is not None:
        title = f'<a href="{_e(resource.link)}">{title}</a>'
    details = [resource.provider, resource.kind, resource.cost, resource.language]
    if resource.length:
        details.append(resource.length)
    return f"<li>{title} <span class='muted'>({_e(' · '.join(details))})</span></li>"


def _section(item: ItemView) -> list[str]:
    meta = [item.phase_title, f"{item.hours} h", item.level, item.id]
    if item.core:
        meta.append("core")
    if item.partly:
        meta.append(words.PARTLY_MARK)
    if item.state != "todo":
        meta.append(words.state_label(item.state, item.marked_on))
    if not item.within_horizon:
        meta.append("after the horizon")
    out = [
        f'<section class="milestone" id="{_e(item.id)}">',
        f"<h3>{item.number}. {_e(item.title)}"
        f' <span class="muted">(<time>{item.start.isoformat()}</time> →'
        f" <time>{item.end.isoformat()}</time>)</span></h3>",
        f'<p class="meta">{_e(" · ".join(meta))}</p>',
        f"<p>{_e(item.outcome)}</p>",
        "<ul>",
        *(f"<li>{_e(t)}</li>" for t in item.topics),
        f"<li><strong>Deliverable:</strong> {_e(item.deliverable)}</li>",
        "</ul>",
    ]
    if item.resources:
        out += ["<p><strong>Resources</strong></p>", "<ul>"]
        out += [_resource(r) for r in item.resources]
        out.append("</ul>")
    out.append("</section>")
    return out


def render(view: PlanView, options: ExportOptions | None = None) -> str:
    # The same profile wording as the terminal; the role is already the heading.
    facts = [*words.profile_parts(view)[1:], f"until {view.end.isoformat()}"]
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Study plan: {_e(view.role_title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>Study plan: {_e(view.role_title)}</h1>",
        f'<p class="profile muted">{_e(" · ".join(facts))}</p>',
        f"<p>{_e(words.totals(view))}</p>",
        *(f"<p>{_e(line)}</p>" for line in words.assumed(view)),
        *_timeline(view, view.today),
        *(f'<p class="warning">{_e(w)}</p>' for w in words.warnings(view)),
        "<h2>Milestones</h2>",
        '<table><thead><tr><th class="num">#</th><th>Milestone</th><th>Start</th><th>End</th>'
        '<th class="num">Hours</th></tr></thead><tbody>',
    ]
    for item in view.items:
        star = " ★" if item.core else ""
        if item.state == "done":
            star += " ✓ done"
        out.append(
            f'<tr><td class="num">{item.number}</td>'
            f'<td><a href="#{_e(item.id)}">{_e(item.title)}</a>{star}</td>'
            f"<td>{item.start.isoformat()}</td><td>{item.end.isoformat()}</td>"
            f'<td class="num">{item.hours}</td></tr>'
        )
    out += ["</tbody></table>", *habit_sections(view, _e), "<h2>The plan, step by step</h2>"]
    for item in view.items:
        out += _section(item)
    out += [
        f"<footer>Made with mlpath {_e(__version__)} (data {_e(view.data_version)}).</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
