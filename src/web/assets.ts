/**
 * The site's one stylesheet and one small script, served from memory with long caching (their
 * URLs carry a version, so a change is picked up at once). Kept as strings so the Workers bundle
 * needs no file system. Mobile first: everything is laid out for a 390 px phone, and wider
 * screens only get more room.
 */

const STYLES = `
:root {
  --ink: #1f2a2e; --muted: #56656b; --line: #d5dedf; --paper: #fbfaf7; --card: #ffffff;
  --brand: #1d6b63; --brand-dark: #134c46; --brand-soft: #e3f1ee; --accent: #b4572e;
  --ok: #1e6b3a; --ok-soft: #e4f3e8; --warn: #8a5a00; --warn-soft: #fbf0d9; --bad: #a32a2a; --bad-soft: #fbe7e6;
  --radius: 12px; --tap: 48px;
  font-family: "Hiragino Sans", "Noto Sans JP", "Yu Gothic", "IPAPGothic", "IPAGothic", system-ui, sans-serif;
  color: var(--ink); background: var(--paper); line-height: 1.7; font-size: 17px;
}
* { box-sizing: border-box; }
body { margin: 0; padding-bottom: 88px; }
a { color: var(--brand-dark); }
h1 { font-size: 1.45rem; line-height: 1.4; margin: 0.4rem 0 1rem; }
h2 { font-size: 1.2rem; line-height: 1.4; margin: 1.6rem 0 0.6rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
p { margin: 0.4rem 0 0.8rem; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; z-index: 10; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
/* Sticky only where there is room: on a phone the header scrolls away, the quick exit stays. */
.site-header { background: var(--brand); color: #fff; }
.bar { display: flex; align-items: center; justify-content: space-between; padding: 8px 16px; min-height: 56px; gap: 8px; }
.brand { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; letter-spacing: 0.08em; }
.bar-actions { display: flex; align-items: center; gap: 12px; }
.bar-actions a, .bar-actions .link-button { color: #fff; font-size: 0.9rem; }
.link-button { background: none; border: 0; padding: 8px 4px; cursor: pointer; text-decoration: underline; font: inherit; min-height: 44px; }
/* The tabs wrap rather than scroll: on a phone a tab scrolled out of sight is a tab she never finds. */
.tabs { display: flex; flex-wrap: wrap; column-gap: 2px; padding: 0 6px; background: var(--brand-dark); }
.tabs a { color: #fff; text-decoration: none; padding: 10px 10px; white-space: nowrap; font-size: 0.95rem; min-height: var(--tap); display: inline-flex; align-items: center; border-bottom: 3px solid transparent; }
.tabs a[aria-current="page"] { border-bottom-color: #ffd59e; font-weight: 700; }
main { max-width: 760px; margin: 0 auto; padding: 16px; }
main.wide { max-width: 1180px; }
.notice { background: var(--ok-soft); border-left: 4px solid var(--ok); padding: 10px 14px; border-radius: 6px; }
.degraded { background: var(--warn-soft); border-left: 4px solid var(--warn); padding: 10px 14px; border-radius: 6px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 16px; margin: 0 0 14px; }
.card h2, .card h3 { margin-top: 0; }
.card-title { font-size: 1.1rem; font-weight: 700; margin: 0 0 4px; }
.card-title a { text-decoration: none; }
.meta { color: var(--muted); font-size: 0.92rem; margin: 0 0 6px; }
.list { list-style: none; padding: 0; margin: 0; }
.badges { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; padding: 0; list-style: none; }
.badge { display: inline-block; border-radius: 999px; padding: 2px 10px; font-size: 0.85rem; background: var(--brand-soft); color: var(--brand-dark); }
.badge.verified { background: var(--ok-soft); color: var(--ok); font-weight: 700; }
.badge.state { background: #eef0f6; color: #2f3b66; }
.badge.warn { background: var(--warn-soft); color: var(--warn); }
.badge.bad { background: var(--bad-soft); color: var(--bad); }
.card.infeasible { border-style: dashed; }
.hidden-roles { background: var(--warn-soft); border-radius: var(--radius); padding: 10px 12px; }
.hidden-roles .button { margin-top: 8px; }
.reasons { list-style: none; padding: 0; margin: 8px 0; }
.reasons li { padding: 4px 0 4px 26px; position: relative; }
.reasons li::before { position: absolute; left: 0; top: 4px; font-weight: 700; }
.reasons .positive::before { content: "✓"; color: var(--ok); }
.reasons .neutral::before { content: "・"; color: var(--muted); }
.reasons .negative::before { content: "!"; color: var(--bad); }
.score { font-weight: 700; color: var(--brand-dark); }
.button { display: inline-flex; align-items: center; justify-content: center; min-height: var(--tap); padding: 10px 22px; border-radius: 999px; border: 2px solid var(--brand); background: var(--brand); color: #fff; font: inherit; font-weight: 700; cursor: pointer; text-decoration: none; }
.button.secondary { background: #fff; color: var(--brand-dark); }
.button.danger { background: var(--bad); border-color: var(--bad); }
.button.small { min-height: 40px; padding: 6px 14px; font-size: 0.92rem; }
.button.wide { width: 100%; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; margin: 16px 0; align-items: center; }
.scale { display: grid; gap: 8px; margin: 12px 0; }
.scale .button { width: 100%; justify-content: flex-start; }
.timeline li { border-left: 3px solid var(--line); padding-left: 10px; }
form.inline { display: inline; }
.field { margin: 0 0 18px; }
.field label, fieldset legend { display: block; font-weight: 700; margin-bottom: 4px; }
.hint { display: block; color: var(--muted); font-size: 0.9rem; margin-bottom: 4px; }
.required { color: var(--bad); }
input[type=text], input[type=email], input[type=password], input[type=tel], input[type=date], input[type=search], select, textarea {
  width: 100%; min-height: var(--tap); padding: 10px 12px; border: 1.5px solid #9aaaae; border-radius: 8px; font: inherit; background: #fff; color: var(--ink);
}
textarea { min-height: 140px; }
.input-with-suffix { display: flex; align-items: center; gap: 8px; }
.suffix { white-space: nowrap; color: var(--muted); }
.has-error input, .has-error select, .has-error textarea { border-color: var(--bad); background: #fffafa; }
.field-error { display: block; color: var(--bad); font-weight: 700; font-size: 0.92rem; margin: 2px 0 4px; }
.field-error::before { content: "⚠ "; }
.card.danger { border: 2px solid var(--bad); }
.error-summary { border: 2px solid var(--bad); background: var(--bad-soft); border-radius: var(--radius); padding: 12px 16px; margin-bottom: 18px; }
.error-summary h2 { margin: 0 0 6px; font-size: 1.05rem; color: var(--bad); }
.error-summary a { color: var(--bad); font-weight: 700; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: 12px 14px; margin: 0 0 18px; background: var(--card); }
.choices .choice, .field .choice { display: flex; align-items: center; gap: 10px; min-height: var(--tap); }
.choices.inline { display: flex; flex-wrap: wrap; column-gap: 18px; }
.choices.inline legend { width: 100%; }
input[type=checkbox], input[type=radio] { width: 24px; height: 24px; accent-color: var(--brand); flex: none; }
.week .day-row { display: grid; grid-template-columns: 2.2em 1fr; gap: 8px; align-items: start; padding: 8px 0; border-top: 1px solid var(--line); }
.week .day { font-weight: 700; font-size: 1.1rem; padding-top: 10px; text-align: center; }
.week .day.sat { color: #1f4fa8; }
.week .day.sun { color: var(--bad); }
.week .slot { display: grid; grid-template-columns: 1fr auto 1fr; gap: 6px; align-items: center; }
.week .slot .field-error { grid-column: 1 / -1; }
.week .slot .remote-only { grid-column: 1 / -1; display: flex; align-items: center; gap: 8px; font-size: 0.9rem; min-height: 36px; }
.week.care .care-head { border-top: 0; padding-bottom: 0; font-size: 0.8rem; color: var(--muted); }
.week select.time { min-width: 0; }
.profile-section { border: 1px solid var(--line); border-radius: var(--radius); margin: 0 0 12px; background: var(--card); }
.profile-section > summary { cursor: pointer; min-height: var(--tap); padding: 10px 14px; display: flex; flex-direction: column; justify-content: center; gap: 2px; }
.profile-section > summary .section-title { font-weight: 700; color: var(--brand-dark); }
.profile-section[open] > summary { border-bottom: 1px solid var(--line); }
.profile-section > fieldset, .profile-section > .field, .profile-section > .two, .profile-section > div { margin-left: 12px; margin-right: 12px; }
.steps { font-weight: 700; color: var(--brand-dark); margin: 0 0 4px; }
.step-list { display: flex; gap: 4px; list-style: none; padding: 0; margin: 0 0 12px; font-size: 0.82rem; }
.step-list li { flex: 1; text-align: center; padding: 6px 2px; border-bottom: 4px solid var(--line); }
.step-list li.done { border-color: var(--brand); }
.step-list li.current { border-color: var(--brand-dark); font-weight: 700; }
.resume-row { border-top: 1px dashed var(--line); padding-top: 6px; }
.resume-row .row-label { font-weight: 700; margin: 4px 0; }
.week details summary { color: var(--brand-dark); font-size: 0.88rem; cursor: pointer; padding: 6px 0; min-height: 36px; }
.filters summary { font-weight: 700; cursor: pointer; min-height: var(--tap); display: flex; align-items: center; }
.facet-count { color: var(--muted); font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; background: var(--card); font-size: 0.95rem; }
th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f1f4f3; }
.table-scroll { overflow-x: auto; border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 16px; }
.columns { display: grid; gap: 14px; }
.kv { display: grid; grid-template-columns: 8em 1fr; gap: 4px 10px; margin: 0; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; }
.bar-track { display: block; width: 100%; background: #edf1f0; border-radius: 6px; height: 10px; overflow: hidden; }
.bar-fill { fill: var(--brand); }
.pre-line { white-space: pre-line; }
.chart { width: 100%; height: auto; }
.chart text { font-size: 12px; fill: var(--ink); }
.pager { display: flex; justify-content: space-between; align-items: center; gap: 10px; margin: 16px 0; }
.plain-list { list-style: none; padding: 0; margin: 0 0 16px; }
.empty { color: var(--muted); padding: 18px; text-align: center; background: var(--card); border: 1px dashed var(--line); border-radius: var(--radius); }
.hero { background: var(--brand-soft); border-radius: var(--radius); padding: 20px 18px; margin-bottom: 18px; }
.hero h1 { font-size: 1.5rem; }
.site-footer { margin: 32px 0 96px; padding: 16px; border-top: 1px solid #ddd; font-size: .9rem; }
.site-footer nav { display: flex; flex-wrap: wrap; gap: 8px 20px; justify-content: center; }
.site-footer a { min-height: var(--tap); display: inline-flex; align-items: center; }
/* The quick exit floats over the page: the page keeps room for it below its last line, so it never hides text she has to read. */
body.with-quick-exit { padding-bottom: 84px; }
.quick-exit { position: fixed; right: 12px; bottom: 12px; z-index: 20; background: #2b2b2b; color: #fff; border-radius: 999px; padding: 12px 20px; font-weight: 700; text-decoration: none; box-shadow: 0 2px 10px rgba(0,0,0,.3); min-height: var(--tap); display: inline-flex; align-items: center; }
@media (min-width: 720px) {
  body { font-size: 16px; }
  .site-header { position: sticky; top: 0; z-index: 5; }
  .bar { padding: 8px 24px; }
  .tabs { padding: 0 16px; }
  main { padding: 24px; }
  .columns { grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); }
  .week .slot { max-width: 420px; }
  .two { display: grid; grid-template-columns: 1fr 1fr; gap: 0 18px; }
}
/* ── Employer pages (organisation, role editor, introductions) ── */
fieldset.bare { border: 0; padding: 0; margin: 0; background: none; }
fieldset.bare > legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skill-row { display: grid; grid-template-columns: 1fr minmax(9.5em, 12em); gap: 4px 10px; align-items: center; padding: 6px 0; border-top: 1px solid var(--line); }
.skill-row label { font-weight: 400; margin: 0; }
.skill-row select { min-height: 44px; padding: 6px 8px; font-size: 0.95rem; }
.skill-row .field-error { grid-column: 1 / -1; }
.location-row + .location-row { border-top: 1px solid var(--line); margin-top: 8px; }
.location-row h3 { margin-top: 0.8rem; }
.role-card .badges { margin: 4px 0 8px; }
.role-description { white-space: pre-wrap; }
.introduction .kv dd { overflow-wrap: anywhere; }
.introduction textarea { min-height: 84px; height: 6.5em; }
.introduction .outcome fieldset { margin: 14px 0 0; }
@media (min-width: 720px) {
  .skill-list { display: grid; grid-template-columns: 1fr 1fr; column-gap: 28px; }
}
/* ── Coordinator pages (queue, match side by side, member record, employer checks, dashboard) ── */
.badge.stage { background: #f3ecfa; color: #4b2d73; }
.queue { display: grid; gap: 0; }
.queue-item .button { margin-top: 4px; }
.queue-item.waiting-long { border-left: 4px solid var(--warn); }
.filters .filter-form { margin-top: 10px; }
.filters .input-with-suffix input { max-width: 8em; }
.match-columns > .card { min-width: 0; }
.kv dd { overflow-wrap: anywhere; }
.facts .fact { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 6px 10px; padding: 8px 0; border-top: 1px solid var(--line); }
.score-row { margin: 10px 0 4px; }
.score-head { display: flex; justify-content: space-between; gap: 8px; }
.score-side { margin-top: 14px; padding-top: 6px; border-top: 1px solid var(--line); }
.score-side h3 { display: flex; justify-content: space-between; }
.component .reasons { margin: 4px 0 10px; font-size: 0.93rem; }
.decision { margin: 0 0 18px; }
.decision + .decision { border-top: 1px solid var(--line); padding-top: 14px; }
.decision textarea { min-height: 96px; }
details.decision summary, details.add-note summary, .chart-numbers summary { cursor: pointer; min-height: var(--tap); display: flex; align-items: center; font-weight: 700; color: var(--brand-dark); }
.history > li, .notes > li { padding: 10px 0; border-top: 1px solid var(--line); }
.history > li:first-child, .notes > li:first-child { border-top: 0; }
.history p, .notes p { margin: 0 0 4px; }
.quote, .note-body { white-space: pre-wrap; background: #f6f8f7; border-radius: 8px; padding: 8px 12px; }
.sensitive { border-color: #d9c6a5; }
.segments { display: flex; flex-wrap: wrap; gap: 8px; margin: 0 0 16px; }
.segments a { padding: 8px 16px; min-height: 44px; display: inline-flex; align-items: center; border: 1.5px solid var(--brand); border-radius: 999px; text-decoration: none; }
.segments a[aria-current="page"] { background: var(--brand); color: #fff; font-weight: 700; }
.org-list .actions { margin-bottom: 0; }
.org-description { white-space: pre-wrap; }
.chart { max-width: 560px; display: block; margin: 4px 0 8px; }
.chart text { font-size: 14px; }
.chart .chart-track { fill: #edf1f0; }
.chart .chart-value { font-weight: 700; }
.chart-numbers { margin-top: 6px; }
.chart-numbers table { font-size: 0.9rem; }
.chart-numbers td.num { text-align: right; }
.stat { font-size: 2rem; font-weight: 700; color: var(--brand-dark); margin: 6px 0; }
.stat .meta { font-size: 1rem; font-weight: 400; margin-left: 6px; }
.exports { display: grid; gap: 10px; }
@media (min-width: 720px) {
  .queue { grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 0 14px; }
  .match-columns { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .dashboard { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
`;

const SCRIPT = `
(function () {
  // Quick exit: replace this page in history, so "back" does not return to it.
  document.querySelectorAll('[data-quick-exit]').forEach(function (link) {
    link.addEventListener('click', function (event) {
      event.preventDefault();
      window.location.replace(link.getAttribute('href'));
    });
  });
  document.addEventListener('keydown', function (event) {
    var exit = document.querySelector('[data-quick-exit]');
    if (exit && event.key === 'Escape' && event.shiftKey) window.location.replace(exit.getAttribute('href'));
  });
  // Folded panels that a wide screen has room for (the queue's filters) start open there.
  if (window.matchMedia && window.matchMedia('(min-width: 720px)').matches) {
    document.querySelectorAll('details[data-open-wide]').forEach(function (panel) {
      panel.open = true;
    });
  }
  // Weekly editor: copy Monday's times to Tuesday–Friday.
  document.querySelectorAll('[data-week-grid]').forEach(function (grid) {
    var button = grid.querySelector('[data-copy-weekdays]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', function () {
      var monday = grid.querySelectorAll('[data-day="mon"] select');
      var mondayBoxes = grid.querySelectorAll('[data-day="mon"] input[type=checkbox]');
      ['tue', 'wed', 'thu', 'fri'].forEach(function (day) {
        grid.querySelectorAll('[data-day="' + day + '"] select').forEach(function (select, i) {
          if (monday[i]) select.value = monday[i].value;
        });
        grid.querySelectorAll('[data-day="' + day + '"] input[type=checkbox]').forEach(function (box, i) {
          if (mondayBoxes[i]) box.checked = mondayBoxes[i].checked;
        });
      });
    });
  });
  // Take the reader to the list of problems when a form comes back with errors.
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
})();
`;

/** A short content hash, so a changed file gets a new URL and old caches are never wrong. */
function versionOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export const ASSETS = {
  css: { body: STYLES, type: 'text/css; charset=utf-8', path: `/assets/site.${versionOf(STYLES)}.css` },
  js: { body: SCRIPT, type: 'text/javascript; charset=utf-8', path: `/assets/site.${versionOf(SCRIPT)}.js` },
};

export const ASSET_PATHS = { css: ASSETS.css.path, js: ASSETS.js.path };
