// ipgraph's network canvas. The page hands over its first elements and the Browser kit's style as JSON
// (#network-data); everything after that comes from ipgraph's own API, read with the signed-in user's visibility:
//   GET  /api/network/kinds?id=        how many entities of each kind are linked to a node
//   POST /api/network/expand           the next page of a node's neighbours of one kind, joined to what is drawn
//   GET  /api/network/sources?ids=     the sources of a node or an edge, with the words they are cited for
// Keyboard: Tab to the canvas, arrow keys pan, + and - zoom, 0 fits; every node is also a button in the list under
// the canvas, and the panel beside it has a button per kind to expand and per link to open its sources.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('network-data').textContent);
  const style = data.style;
  const panel = document.getElementById('panel');
  const list = document.getElementById('drawn');
  const counts = document.getElementById('counts');
  const kindsOf = new Map();      // node id -> {counts, complete}
  const pagesOf = new Map();      // node id + kind -> how many of that kind were asked for
  const edgeKeys = new Set();     // the relationships drawn, each once
  let pathStart = sessionStorage.getItem('ipgraph.pathStart');

  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'text') e.textContent = v; else e.setAttribute(k, v); });
    children.forEach((c) => e.append(c));
    return e;
  };
  const nodeStyle = (kind) => Object.assign({}, style.node, style.nodes[kind] || {});
  const edgeStyle = (type) => Object.assign({}, style.relationship, style.relationships[type] || {});

  // the kit's colours as one rule per kind and per relationship type (static rules cost nothing per element drawn)
  const base = nodeStyle('');
  const sheet = [
    { selector: 'node', style: {
      'background-color': base.color, 'border-color': base.border, 'border-width': base.borderWidth || 2,
      'width': (base.size || 50) * 0.6, 'height': (base.size || 50) * 0.6,
      'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3, 'color': '#17324d',
      'text-max-width': 120, 'min-zoomed-font-size': 5 } },
    ...Object.keys(style.nodes).map((kind) => {
      const k = nodeStyle(kind);
      return { selector: 'node[kind = "' + kind + '"]', style: { 'background-color': k.color, 'border-color': k.border,
        'border-width': k.borderWidth || 2, 'width': (k.size || 50) * 0.6, 'height': (k.size || 50) * 0.6 } };
    }),
    { selector: 'node.heading', style: { 'background-opacity': 0, 'border-width': 0, 'width': 1, 'height': 1, 'font-size': 12,
      'font-weight': 'bold', 'text-valign': 'top', 'color': '#56687a', 'events': 'no' } },
    { selector: 'node.center', style: { 'border-width': 5, 'border-color': '#f0a30a' } },
    { selector: 'node:selected', style: { 'overlay-color': '#f0a30a', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge', style: {
      'line-color': style.relationship.color, 'target-arrow-color': style.relationship.color, 'width': style.relationship.width || 1,
      'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'arrow-scale': 0.8,
      'label': 'data(label)', 'font-size': 8, 'color': '#3d4f60', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 8,
      'text-background-color': '#fbfcfd', 'text-background-opacity': 0.8 } },
    ...Object.keys(style.relationships).map((type) => {
      const t = edgeStyle(type);
      return { selector: 'edge[type = "' + type + '"]', style: { 'line-color': t.color, 'target-arrow-color': t.color, 'width': t.width || 1 } };
    }),
    { selector: 'edge:selected', style: { 'line-color': '#f0a30a', 'target-arrow-color': '#f0a30a', 'width': 4 } },
  ];

  const placed = data.mode !== 'expand';
  const COLUMN = 160;
  const LINKS_LISTED = 60;
  const ROW = 64;
  const cy = cytoscape({
    container: document.getElementById('canvas'), style: sheet, wheelSensitivity: 0.3, minZoom: 0.05, maxZoom: 4,
    elements: [], hideEdgesOnViewport: data.nodes.length > 300, textureOnViewport: data.nodes.length > 300,
  });
  window.ipgraphCanvas = cy;

  function add(nodes, edges, around) {
    const fresh = [];
    cy.batch(() => {
      nodes.forEach((n) => {
        if (cy.getElementById(n.id).nonempty()) return;
        const node = { group: 'nodes', data: n };
        if (placed && n.column !== undefined) node.position = { x: n.column * COLUMN, y: n.row * ROW };
        fresh.push(cy.add(node));
      });
      edges.forEach((e) => {
        if (edgeKeys.has(e.key)) return;
        if (cy.getElementById(e.source).empty() || cy.getElementById(e.target).empty()) return;
        edgeKeys.add(e.key);
        cy.add({ group: 'edges', data: Object.assign({}, e, { id: 'e' + edgeKeys.size }) });
      });
    });
    if (around && fresh.length) {
      // new neighbours go on a ring around the node they were expanded from; nothing else moves
      const c = around.position();
      const radius = 120 + 12 * fresh.length;
      const start = Math.random() * Math.PI;
      fresh.forEach((n, i) => n.position({ x: c.x + radius * Math.cos(start + 2 * Math.PI * i / fresh.length),
        y: c.y + radius * Math.sin(start + 2 * Math.PI * i / fresh.length) }));
    }
    fresh.forEach((n) => { listItem(n); byKind[n.data('kind')] = (byKind[n.data('kind')] || 0) + 1; });
    summary();
    return fresh;
  }

  function listItem(n) {
    const b = el('button', { type: 'button', 'data-id': n.id(), 'data-kind': n.data('kind'), text: n.data('name') });
    b.addEventListener('click', () => { cy.elements().unselect(); n.select(); cy.center(n); showNode(n); });
    list.append(el('li', {}, b, ' ', el('span', { class: 'kind', text: n.data('kind') })));
  }

  const byKind = {};
  function summary() {
    counts.replaceChildren(...Object.entries(byKind).sort().map(([k, v]) => el('span', {},
      el('i', { style: 'background:' + nodeStyle(k).color }), k + ' ' + v)), el('span', { text: cy.edges().length + ' links' }));
  }

  // requests under way, on the page's root element (data-pending), for whoever waits for the canvas to settle
  let pending = 0;
  const busy = (d) => { pending += d; document.documentElement.dataset.pending = String(pending); };
  busy(0);

  async function json(url, options) {
    busy(1);
    try {
      const r = await fetch(url, Object.assign({ credentials: 'same-origin', headers: { Accept: 'application/json' } }, options || {}));
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(body.error || body.message || ('the server answered ' + r.status));
      return body;
    } finally {
      busy(-1);
    }
  }

  async function sourcesList(sourceIds, quotes) {
    if (!sourceIds || !sourceIds.length) return el('p', { text: 'No source is cited for it.' });
    const found = await json('/api/network/sources?' + sourceIds.map((s) => 'ids=' + encodeURIComponent(s)).join('&'));
    const byId = new Map(found.map((s) => [s.id, s]));
    const ol = el('ol', { class: 'sources' });
    sourceIds.forEach((id, i) => {
      const s = byId.get(id);
      const li = el('li', {});
      if (s) {
        li.append(el('a', { href: '/entity/' + encodeURIComponent(id), text: s.title || id }));
        ['publisher', 'publishedOn', 'kind'].forEach((k) => { if (s[k]) li.append(' · ' + s[k]); });
        if (s.url && /^https?:/.test(s.url)) li.append(' · ', el('span', { class: 'url', text: s.url }));
      } else {
        li.append(el('code', { text: id }));
      }
      if (quotes && quotes[i]) li.append(el('blockquote', { text: quotes[i] }));
      ol.append(li);
    });
    return ol;
  }

  async function showNode(n) {
    const d = n.data();
    const head = [el('p', { class: 'kind', text: d.kind }), el('h4', { text: d.name }),
      el('p', {}, el('a', { class: 'page', href: d.href, text: 'Open its page' }), ' · ',
        el('a', { class: 'network', href: d.href + '/network', text: 'Its network' }))];
    const pathP = el('p', {});
    const startButton = el('button', { type: 'button', class: 'path-start', text: 'Start a path here' });
    startButton.addEventListener('click', () => { pathStart = d.id; sessionStorage.setItem('ipgraph.pathStart', d.id); showNode(n); });
    pathP.append(startButton);
    if (pathStart && pathStart !== d.id) {
      pathP.append(' ', el('a', { class: 'path-to', href: '/entity/' + encodeURIComponent(pathStart) + '/network?to=' + encodeURIComponent(d.id),
        text: 'Paths from ' + (cy.getElementById(pathStart).data('name') || pathStart) + ' to here' }));
    }
    const expand = el('div', { class: 'expand' }, el('p', { text: 'Counting what is linked…' }));
    const links = el('ul', { class: 'edges' });
    const connected = n.connectedEdges();
    if (connected.length > LINKS_LISTED) links.append(el('li', { class: 'more', text: (connected.length - LINKS_LISTED) + ' more links drawn than listed here' }));
    connected.slice(0, LINKS_LISTED).forEach((e) => {
      const other = e.source().id() === d.id ? e.target() : e.source();
      const b = el('button', { type: 'button', class: 'edge', 'data-type': e.data('type'),
        text: (e.source().id() === d.id ? e.data('type') + ' → ' : '← ' + e.data('type') + ' ') + other.data('name') });
      b.addEventListener('click', () => { cy.elements().unselect(); e.select(); showEdge(e); });
      links.append(el('li', {}, b));
    });
    const sources = el('div', {}, el('p', { text: 'Its sources…' }));
    panel.replaceChildren(...head, pathP, el('h4', { text: 'Add neighbours' }), expand, el('h4', { text: 'Links drawn' }), links,
      el('h4', { text: 'Sources' }), sources);
    sourcesList(d.sourceIds, d.quotes).then((s) => sources.replaceChildren(s)).catch((x) => sources.replaceChildren(error(x)));
    try {
      if (!kindsOf.has(d.id)) kindsOf.set(d.id, await json('/api/network/kinds?id=' + encodeURIComponent(d.id)));
      expandButtons(n, expand);
    } catch (x) {
      expand.replaceChildren(error(x));
    }
  }

  function expandButtons(n, box) {
    const k = kindsOf.get(n.id());
    const buttons = Object.entries(k.counts).map(([kind, total]) => {
      const drawn = n.neighborhood('node').filter((m) => m.data('kind') === kind).length;
      const more = Math.max(0, total - drawn);
      const label = kind + ': ' + drawn + ' of ' + total + (k.complete ? '' : '+') + ' drawn' + (more ? ', ' + Math.min(more, 10) + ' more' : '');
      const b = el('button', { type: 'button', class: 'expand', 'data-kind': kind, text: label });
      if (!more) b.disabled = true;
      b.addEventListener('click', () => expandKind(n, kind, b));
      return b;
    });
    box.replaceChildren(...(buttons.length ? buttons : [el('p', { text: 'Nothing linked to it that you may see.' })]));
  }

  async function expandKind(n, kind, button) {
    button.disabled = true;
    button.textContent = kind + ': adding…';
    const key = n.id() + '\u0000' + kind;
    const drawnOfKind = n.neighborhood('node').filter((m) => m.data('kind') === kind).length;
    const skip = Math.max(pagesOf.get(key) || 0, n.id() === data.center && data.mode === 'expand' ? Math.min(drawnOfKind, 10) : 0);
    try {
      const page = await json('/api/network/expand', { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ id: n.id(), kind, skip, drawn: cy.nodes('[kind]').map((m) => m.id()),
          total: kindsOf.has(n.id()) ? kindsOf.get(n.id()).counts[kind] + (kindsOf.get(n.id()).complete ? 0 : 1) : null }) });
      pagesOf.set(key, skip + 10);
      add(page.nodes, page.edges, n);
      showNode(n);
    } catch (x) {
      button.replaceWith(error(x));
    }
  }

  async function showEdge(e) {
    const d = e.data();
    const props = el('table', { class: 'facts' });
    Object.entries(d.properties || {}).forEach(([k, v]) => props.append(el('tr', {}, el('th', { text: k }), el('td', { text: v }))));
    const sources = el('div', {}, el('p', { text: 'Its sources…' }));
    panel.replaceChildren(el('p', { class: 'kind', text: 'Link' }), el('h4', { text: d.type }),
      el('p', {}, el('a', { href: e.source().data('href'), text: e.source().data('name') }), ' → ',
        el('a', { href: e.target().data('href'), text: e.target().data('name') })),
      props, el('h4', { text: 'Sources' }), sources);
    try {
      sources.replaceChildren(await sourcesList(d.sourceIds, d.quotes));
    } catch (x) {
      sources.replaceChildren(error(x));
    }
  }

  function error(x) { return el('p', { class: 'error', text: String(x.message || x) }); }

  cy.on('tap', 'node', (ev) => showNode(ev.target));
  cy.on('tap', 'edge', (ev) => showEdge(ev.target));
  const canvas = document.getElementById('canvas');
  canvas.addEventListener('keydown', (ev) => {
    const step = 60;
    const moves = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[ev.key]) { cy.panBy({ x: moves[ev.key][0], y: moves[ev.key][1] }); ev.preventDefault(); }
    else if (ev.key === '+' || ev.key === '=') { cy.zoom({ level: cy.zoom() * 1.2, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } }); ev.preventDefault(); }
    else if (ev.key === '-') { cy.zoom({ level: cy.zoom() / 1.2, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } }); ev.preventDefault(); }
    else if (ev.key === '0') { cy.fit(undefined, 30); ev.preventDefault(); }
  });

  add(data.nodes, data.edges, null);
  // a trace's columns get their headings (drawn, not entities: no kind, not in the list)
  (data.columns || []).forEach((c, i) => cy.add({ group: 'nodes', data: { id: 'column-' + i, label: c }, classes: 'heading',
    position: { x: i * COLUMN, y: -50 }, selectable: false, grabbable: false }));
  if (data.kinds) kindsOf.set(data.center, data.kinds);
  const center = cy.getElementById(data.center);
  center.addClass('center');
  if (placed) {
    cy.fit(undefined, 40);
  } else {
    cy.layout({ name: cy.nodes().length > 150 ? 'concentric' : 'cose', animate: false, randomize: false, padding: 30, nodeDimensionsIncludeLabels: true,
      concentric: (n) => (n.id() === data.center ? 2 : 1), levelWidth: () => 1 }).run();
  }
  if (center.nonempty()) { center.select(); showNode(center); }
}());
