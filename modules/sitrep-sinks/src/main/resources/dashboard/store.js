// The alerts the page knows, newest version of each, and the filters over them.

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
export const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'SILENCED', 'RESOLVED'];

export function severityRank(s) {
  const i = SEVERITIES.indexOf(s);
  return i < 0 ? SEVERITIES.length : i;
}

/** Whether b is the same or a later state of the alert than a (versions, then the history of actions). */
export function notOlder(b, a) {
  if (!a) return true;
  if ((b.version ?? 0) !== (a.version ?? 0)) return (b.version ?? 0) > (a.version ?? 0);
  return (b.history?.length ?? 0) >= (a.history?.length ?? 0);
}

export function regionOf(a) {
  return a.place?.admin1 || null;
}

export function isOpen(a) {
  return a.status !== 'RESOLVED';
}

export function eventTime(a) {
  return Date.parse(a.lastSeen || a.firstSeen) || 0;
}

export class AlertStore {
  constructor() {
    this.byId = new Map();
  }

  /** Keeps the alert if it is new or not older than the one known; answers what happened. */
  upsert(alert) {
    const known = this.byId.get(alert.id);
    if (!notOlder(alert, known)) return 'stale';
    this.byId.set(alert.id, alert);
    return known ? 'updated' : 'new';
  }

  all() {
    return [...this.byId.values()];
  }

  /** The event time of the latest alert: "now" for the time filter and the timeline (replays are historical). */
  now() {
    let max = 0;
    for (const a of this.byId.values()) max = Math.max(max, eventTime(a));
    return max || Date.now();
  }

  filtered(f) {
    const now = this.now();
    const text = (f.text || '').trim().toLowerCase();
    return this.all().filter(a =>
      (!f.type || a.type === f.type)
      && (!f.severity || a.severity === f.severity)
      && (!f.region || regionOf(a) === f.region)
      && (!f.status || a.status === f.status)
      && (!f.hours || eventTime(a) >= now - f.hours * 3600_000)
      && (!text || searchable(a).includes(text)))
      .sort((x, y) => eventTime(y) - eventTime(x) || x.id.localeCompare(y.id));
  }
}

function searchable(a) {
  return [a.id, a.type, a.severity, a.status, a.headline, a.summary, a.place?.name, a.place?.admin1,
    ...(a.actors || []), ...(a.evidence || []), ...(a.reports || []).map(r => r.outlet)]
    .filter(Boolean).join('\n').toLowerCase();
}
