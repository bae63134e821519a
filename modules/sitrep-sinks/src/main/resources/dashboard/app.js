// The operations dashboard: live feed over SSE, map, filters, detail with operator actions, timeline, region board.
// Article-derived text only ever reaches the page through textContent (see dom.js).
import {clear, el, fmtTime, highlighted, safeLink, svg} from './dom.js';
import {AlertStore, eventTime, isOpen, regionOf, SEVERITIES, severityRank, STATUSES} from './store.js';
import {AlertMap, severityColour} from './map.js';
import {Beeper} from './sound.js';

const $ = id => document.getElementById(id);
const store = new AlertStore();
const state = {selected: null, session: {user: null, roles: [], csrfToken: null}, ready: false, terms: {}, lastEventId: null};
const beeper = new Beeper();
let map;

// ---- session -------------------------------------------------------------------------------------------------

async function loadSession() {
  try {
    const r = await fetch('/api/session', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (r.ok) state.session = await r.json();
  } catch {
    // no session endpoint: an anonymous viewer
  }
  renderSession();
}

function isOperator() {
  const roles = state.session.roles || [];
  return roles.includes('OPERATOR') || roles.includes('ADMIN');
}

function renderSession() {
  const box = clear($('session'));
  const s = state.session;
  if (!s.user || s.user === 'anonymous') {
    box.append(el('a', {href: '/login?next=' + encodeURIComponent(location.pathname), id: 'login-link'}, 'Log in'));
  } else {
    box.append(el('span', {id: 'user', class: 'user'}, `${s.user} (${(s.roles || []).join(', ').toLowerCase()})`));
  }
  document.body.dataset.role = isOperator() ? 'operator' : 'viewer';
}

// ---- live feed -----------------------------------------------------------------------------------------------

function connect() {
  // a fresh EventSource cannot send Last-Event-ID itself: the query parameter carries it
  const url = '/api/alerts/stream' + (state.lastEventId ? '?lastEventId=' + encodeURIComponent(state.lastEventId) : '');
  const source = new EventSource(url);
  setConnection('connecting');
  source.addEventListener('open', () => setConnection('live'));
  source.addEventListener('alert', e => {
    if (e.lastEventId) state.lastEventId = e.lastEventId;
    receive(JSON.parse(e.data));
  });
  source.addEventListener('ready', e => {
    if (e.lastEventId) state.lastEventId = e.lastEventId;
    state.ready = true;
    document.body.dataset.ready = 'true';
    setConnection('live');
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      // the browser gave up (an HTTP error): try again ourselves, resuming where we were
      setConnection('reconnecting');
      setTimeout(connect, 3000);
    } else {
      setConnection('reconnecting');
    }
  });
}

function setConnection(s) {
  const c = $('connection');
  c.dataset.state = s;
  c.textContent = s;
}

function receive(alert) {
  const before = store.byId.get(alert.id);
  const what = store.upsert(alert);
  if (what === 'stale') return;
  if (state.ready && alert.severity === 'CRITICAL' && (!before || before.severity !== 'CRITICAL')) beeper.beep();
  scheduleRender();
}

let renderPending = false;
function scheduleRender() {
  if (renderPending) return;
  renderPending = true;
  requestAnimationFrame(() => {
    renderPending = false;
    render();
  });
}

// ---- filters -------------------------------------------------------------------------------------------------

function filters() {
  return {
    type: $('f-type').value, severity: $('f-severity').value, region: $('f-region').value,
    status: $('f-status').value, hours: Number($('f-time').value) || 0, text: $('f-text').value,
  };
}

function fillSelect(select, values) {
  const current = select.value;
  const known = new Set([...select.options].map(o => o.value));
  for (const v of values) if (!known.has(v)) select.append(el('option', {value: v}, v));
  select.value = current;
}

// ---- rendering -----------------------------------------------------------------------------------------------

function render() {
  const all = store.all();
  fillSelect($('f-type'), [...new Set(all.map(a => a.type))].sort());
  fillSelect($('f-region'), [...new Set(all.map(regionOf).filter(Boolean))].sort());
  const visible = store.filtered(filters());
  renderFeed(visible);
  map?.update(visible, all, state.selected);
  renderTimeline(visible);
  renderBoard(all);
  const open = all.filter(isOpen).length;
  $('counts').textContent = `${all.length} alerts · ${open} open`;
  // the detail (and an operator's half-typed comment) is rebuilt only when the selected alert itself changed
  const selected = store.byId.get(state.selected);
  if (selected !== state.detailShown) {
    state.detailShown = selected;
    renderDetail(selected);
  }
}

function renderFeed(visible) {
  const feed = clear($('feed'));
  $('feed-count').textContent = `(${visible.length})`;
  for (const a of visible.slice(0, 500)) {
    feed.append(el('li', {
      class: `alert-item sev-${a.severity} status-${a.status}` + (a.id === state.selected ? ' selected' : ''),
      dataset: {id: a.id, severity: a.severity, status: a.status, type: a.type},
      tabindex: 0, onclick: () => select(a.id),
      onkeydown: e => { if (e.key === 'Enter') select(a.id); },
    },
    el('span', {class: `badge sev-${a.severity}`}, a.severity),
    el('span', {class: 'status'}, a.status),
    el('div', {class: 'headline'}, a.headline),
    el('div', {class: 'meta'}, [a.type, a.place?.name, fmtTime(a.lastSeen), `v${a.version}`].filter(Boolean).join(' · '))));
  }
}

function select(id) {
  state.selected = id;
  map?.focus(store.byId.get(id));
  render();
}

function renderDetail(a) {
  const box = clear($('detail'));
  if (!a) return;
  box.dataset.id = a.id;
  const terms = [...(a.actors || []), a.place?.name, a.place?.admin1, ...(state.terms[a.type] || []),
    filters().text].filter(Boolean);
  box.append(
    el('h2', {class: 'detail-headline'}, a.headline),
    el('p', {class: 'detail-meta'},
      el('span', {class: `badge sev-${a.severity}`}, a.severity), ' ',
      el('span', {class: 'detail-status'}, a.status), ' · ', a.type, ' · confidence ',
      `${Math.round((a.confidence || 0) * 100)}%`, ' · version ', String(a.version),
      a.assignee ? ` · assigned to ${a.assignee}` : '',
      a.silencedUntil ? ` · silenced until ${fmtTime(a.silencedUntil)}` : ''),
    a.summary ? el('p', {class: 'summary'}, a.summary) : null,
    el('p', {class: 'muted'}, `${a.place ? a.place.name + (a.place.admin1 ? ', ' + a.place.admin1 : '') : 'no place'}`
      + ` · first ${fmtTime(a.firstSeen)} · last ${fmtTime(a.lastSeen)}`
      + ` · ${a.independentOutlets || 0} independent outlet(s)`),
    el('h3', {}, 'Evidence'),
    el('ul', {class: 'evidence'}, (a.evidence || []).map(s => el('li', {}, highlighted(s, terms)))),
    el('h3', {}, 'Actors'),
    el('ul', {class: 'actors'}, (a.actors || []).length ? a.actors.map(x => el('li', {}, x)) : el('li', {class: 'muted'}, 'none named')),
    el('h3', {}, 'Reports'),
    el('ul', {class: 'reports'}, (a.reports || []).map(r => el('li', {},
      el('span', {class: 'outlet'}, r.outlet || 'unknown outlet'), ' · ', fmtTime(r.publishedAt), ' · ',
      r.url ? safeLink(r.url, 'article') : el('span', {class: 'muted'}, 'no link'),
      r.duplicateOf ? el('span', {class: 'muted'}, ' (re-publication)') : null))),
    (a.changes || []).length ? el('p', {class: 'muted'}, 'Changed: ' + a.changes.join('; ')) : null,
    el('h3', {}, 'History'),
    el('ol', {class: 'history'}, (a.history || []).map(h => el('li', {dataset: {action: h.action}},
      `${fmtTime(h.at)} · ${h.actor} · ${h.action}`, h.detail ? ` — ${h.detail}` : ''))),
    isOperator() ? actionsForm(a) : null);
}

function actionsForm(a) {
  const message = el('p', {class: 'action-message', role: 'status'});
  const assignee = el('input', {type: 'text', name: 'assignee', placeholder: 'assignee', id: 'action-assignee'});
  const comment = el('input', {type: 'text', name: 'comment', placeholder: 'comment (optional for other actions)', id: 'action-comment'});
  const until = el('input', {type: 'datetime-local', name: 'until', id: 'action-until'});
  const act = (action, body) => async () => {
    message.textContent = `${action.toLowerCase()}…`;
    try {
      const text = comment.value.trim();
      const payload = {action, ...(text ? {comment: text} : {}), ...body()};
      const r = await fetch(`/api/alerts/${encodeURIComponent(a.id)}/actions`, {
        method: 'POST', credentials: 'same-origin',
        headers: {'Content-Type': 'application/json', 'X-CSRF-Token': state.session.csrfToken || ''},
        body: JSON.stringify(payload),
      });
      if (r.ok) {
        message.textContent = `${action.toLowerCase()}: sent`;
        comment.value = '';
      } else {
        let reason = r.statusText;
        try { reason = (await r.json()).error || reason; } catch { /* not JSON */ }
        message.textContent = `${action.toLowerCase()} refused (${r.status}): ${reason}`;
      }
    } catch (e) {
      message.textContent = `${action.toLowerCase()} failed: ${e.message}`;
    }
  };
  const button = (label, action, body = () => ({})) =>
    el('button', {type: 'button', class: 'action', dataset: {action}, onclick: act(action, body)}, label);
  return el('section', {class: 'actions', 'aria-label': 'operator actions'},
    el('h3', {}, 'Actions'),
    el('div', {class: 'action-row'}, button('Acknowledge', 'ACKNOWLEDGE'), button('Resolve', 'RESOLVE')),
    el('div', {class: 'action-row'}, comment, button('Comment', 'COMMENT')),
    el('div', {class: 'action-row'}, assignee, button('Assign', 'ASSIGN', () => ({assignee: assignee.value.trim()}))),
    el('div', {class: 'action-row'}, until, button('Silence until', 'SILENCE',
      () => (until.value ? {until: new Date(until.value).toISOString()} : {}))),
    message);
}

function renderTimeline(visible) {
  const box = clear($('timeline'));
  const width = 600, height = 90, days = 7, day = 86_400_000;
  box.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const now = store.now();
  const start = now - days * day;
  const counts = Array.from({length: days}, () => ({n: 0, worst: null}));
  for (const a of visible) {
    const t = eventTime(a);
    if (t <= start || t > now) continue;
    const i = Math.min(days - 1, Math.floor((t - start) / day));
    counts[i].n++;
    if (!counts[i].worst || severityRank(a.severity) < severityRank(counts[i].worst)) counts[i].worst = a.severity;
  }
  const max = Math.max(1, ...counts.map(c => c.n));
  const bw = width / days;
  counts.forEach((c, i) => {
    const h = Math.round((height - 22) * c.n / max);
    const label = new Date(start + (i + 1) * day).toISOString().slice(5, 10);
    box.append(svg('g', {class: 'day', 'data-count': c.n},
      svg('title', {}, `${label}: ${c.n} alert(s)`),
      svg('rect', {x: i * bw + 4, y: height - 16 - h, width: bw - 8, height: h, fill: c.worst ? severityColour(c.worst) : '#ccc'}),
      svg('text', {x: i * bw + bw / 2, y: height - 3, 'text-anchor': 'middle'}, `${label} (${c.n})`)));
  });
}

function renderBoard(all) {
  const rows = new Map();
  for (const a of all) {
    const r = regionOf(a);
    if (!r) continue;
    const row = rows.get(r) || {open: 0, worst: null, last: 0};
    if (isOpen(a)) {
      row.open++;
      if (!row.worst || severityRank(a.severity) < severityRank(row.worst)) row.worst = a.severity;
    }
    row.last = Math.max(row.last, eventTime(a));
    rows.set(r, row);
  }
  const body = clear($('board').tBodies[0]);
  [...rows.entries()]
    .sort((x, y) => severityRank(x[1].worst) - severityRank(y[1].worst) || y[1].open - x[1].open || x[0].localeCompare(y[0]))
    .forEach(([region, row]) => body.append(el('tr', {dataset: {region}, onclick: () => {
      $('f-region').value = region;
      render();
    }},
    el('td', {}, region), el('td', {}, String(row.open)),
    el('td', {}, row.worst ? el('span', {class: `badge sev-${row.worst}`}, row.worst) : '—'),
    el('td', {}, fmtTime(new Date(row.last).toISOString())))));
}

// ---- start ---------------------------------------------------------------------------------------------------

async function start() {
  for (const s of SEVERITIES) $('f-severity').append(el('option', {value: s}, s));
  for (const s of STATUSES) $('f-status').append(el('option', {value: s}, s));
  $('filters').addEventListener('input', () => render());
  $('filters').addEventListener('change', () => render());
  $('filters').addEventListener('reset', () => setTimeout(render));
  $('filters').addEventListener('submit', e => e.preventDefault());
  $('sound-toggle').addEventListener('change', e => beeper.enable(e.target.checked));
  AlertMap.legend($('legend'));
  fetch('/dashboard/highlight-terms.json').then(r => r.json()).then(t => { state.terms = t; }).catch(() => {});
  await loadSession();
  map = new AlertMap($('map'), select);
  try {
    const regions = await map.load();
    fillSelect($('f-region'), regions);
  } catch (e) {
    $('map').append(el('p', {class: 'muted'}, `map data unavailable: ${e.message}`));
  }
  connect();
  render();
}

start();
