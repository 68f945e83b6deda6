/* kg's page: the graph (vis-network), its labels, the focus view, the lists and the filters.
   The data comes from the JSON element #kg-data; every string that comes from an article
   reaches the screen through textContent, never parsed as markup. window.kg is the page's API for
   the SPARQL panel, tests and scripts. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const docById = new Map(data.documents.map((d) => [d.id, d]));
  const incident = new Map();
  const edgesByDoc = new Map();
  function push(map, key, value) {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(value);
  }
  data.edges.forEach((e) => {
    push(incident, e.from, e);
    if (e.to !== e.from) push(incident, e.to, e);
    if (e.doc) push(edgesByDoc, e.doc, e);
  });
  const byRank = data.nodes.slice().sort((a, b) => a.rank - b.rank);
  // What is in focus (an entity, a document or a query's subgraph), how far the neighbourhood
  // reaches, the positions the focus moved, and the community discs once measured.
  let focus = null, hops = 1, moved = null, communityDiscs = null, panelKind = null;
  const number = (x) => Number(x).toLocaleString("en");

  // ---- DOM helpers: every string from an article goes through textContent ----
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function tip(title, rows, quote) {
    const box = el("div", null, "kg-tip");
    box.appendChild(el("b", title));
    rows.forEach((r) => { if (r[1] !== null && r[1] !== undefined && r[1] !== "") box.appendChild(el("div", r[0] + ": " + r[1])); });
    if (quote) box.appendChild(el("q", quote));
    return box;
  }
  function edgeRows(e) {
    return [["date", e.date], ["location", e.location], ["rate", e.rate === null ? null : e.rate + "%"],
            ["amount", e.amount === null ? null : e.amount + (e.currency ? " " + e.currency : "")],
            ["polarity", e.polarity], ["modality", e.modality], ["confidence", e.confidence], ["document", e.doc]];
  }
  function nodeRows(n) {
    return [["type", n.kgType], ["aliases", n.aliases.join(", ")], ["titles", (n.titles || []).join(", ")], ["degree", n.degree],
            ["statements", n.statements], ["PageRank", n.pagerank], ["community", n.community]];
  }
  function link(text, title, onClick) {
    const b = el("button", text, "kg-link");
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }
  function docTitle(id) {
    const d = docById.get(id);
    return d && d.title ? d.title : id;
  }

  // ---- data sets: titles are DOM elements (vis shows them as they are, no HTML parsing);
  // labels are drawn by kg (drawLabels), so vis gets none ----
  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const copy = Object.assign({}, n);
    delete copy.label;
    copy.title = tip(n.label, nodeRows(n));
    return copy;
  }));
  const edges = new vis.DataSet(data.edges.map((e) => {
    const copy = Object.assign({}, e);
    copy.title = tip(byId.get(e.from).label + " " + e.relation + " " + byId.get(e.to).label, edgeRows(e), e.sentence);
    return copy;
  }));

  // ---- filters ----
  const bins = data.dates.bins;
  const shown = { types: {}, predicates: {}, claims: { negated: true, hedged: true }, undated: true, lo: 0, hi: Math.max(bins.length - 1, 0), isolated: data.edges.length === 0 };
  data.types.forEach((t) => { shown.types[t.name] = true; });
  data.predicates.forEach((p) => { shown.predicates[p.name] = true; });
  function nodeVisible(n) { return shown.types[n.kgType] && (shown.isolated || n.statements > 0); }
  function edgeVisible(e) {
    if (!shown.predicates[e.predicate]) return false;
    if (e.claim !== "fact" && !shown.claims[e.claim]) return false;
    if (e.dateBin < 0) return shown.undated;
    return e.dateBin >= shown.lo && e.dateBin <= shown.hi;
  }
  // Entities no statement connects (a country merely mentioned) crowd the picture; they start hidden
  // when the graph has statements, and one tick brings them back.
  const isolatedCount = data.nodes.filter((n) => n.statements === 0).length;
  const nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  const edgeView = new vis.DataView(edges, { filter: edgeVisible });
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    counts();
    // The filters win over the focus: the neighbourhood is taken again among what they show,
    // and an entity the filters hide is no longer in focus.
    if (focus && focus.kind === "entity") {
      if (nodeView.get(focus.id)) focusEntity(focus.id, { keepView: true, force: true, keepFilters: true });
      else { history.replaceState(null, "", location.pathname + location.search); clearFocus(); }
    }
    communityDiscs = null;
  }
  function counts() {
    $("kg-counts").textContent = number(nodeView.length) + " of " + number(data.nodes.length) + " entities · " +
      number(edgeView.length) + " of " + number(data.edges.length) + " statements";
  }
  function checkbox(parent, label, checked, onChange, decorate, count) {
    const row = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = checked;
    box.addEventListener("change", () => { onChange(box.checked); refresh(); });
    row.appendChild(box);
    if (decorate) row.appendChild(decorate);
    row.appendChild(el("span", label));
    if (count !== undefined) row.appendChild(el("span", number(count), "kg-count"));
    parent.appendChild(row);
    return box;
  }
  function swatch(t) {
    const s = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    s.setAttribute("viewBox", "0 0 14 14");
    s.setAttribute("class", "kg-swatch");
    const shape = document.createElementNS("http://www.w3.org/2000/svg", t.svg === "circle" ? "circle" : "polygon");
    if (t.svg === "circle") { shape.setAttribute("cx", 7); shape.setAttribute("cy", 7); shape.setAttribute("r", 6); }
    else shape.setAttribute("points", t.svg);
    shape.setAttribute("fill", t.color);
    shape.setAttribute("stroke", t.border);
    s.appendChild(shape);
    return s;
  }
  const typeStyle = new Map(data.types.map((t) => [t.name, t]));
  const typeBoxes = new Map();
  const typesBox = $("kg-types");
  data.types.forEach((t) => {
    typeBoxes.set(t.name, checkbox(typesBox, t.name, true, (on) => { shown.types[t.name] = on; }, swatch(t), t.count));
  });
  let isolatedBox = null;
  if (isolatedCount) {
    isolatedBox = checkbox(typesBox, "entities in no statement", shown.isolated, (on) => { shown.isolated = on; }, null, isolatedCount);
  }
  data.predicates.forEach((p) => {
    // The predicate's declared label, its meaning as the tooltip (kg.predicates).
    const box = checkbox($("kg-predicates"), p.label || p.name, true, (on) => { shown.predicates[p.name] = on; }, null, p.count);
    box.parentNode.title = p.name + (p.about ? ": " + p.about : "");
  });
  const claimsBox = $("kg-claims");
  checkbox(claimsBox, "negated (\u201cdid not\u201d)", true, (on) => { shown.claims.negated = on; }, el("span", null, "kg-line kg-negated"), data.claims.negated);
  checkbox(claimsBox, "hedged, planned or reported", true, (on) => { shown.claims.hedged = on; }, el("span", null, "kg-line kg-hedged"), data.claims.hedged);

  // ---- the date filter: a two-handled slider over a histogram of the statements' dates ----
  (function dateSlider() {
    const box = $("kg-dates");
    if (!bins.length) {
      box.appendChild(el("p", "No statement has a date.", "kg-muted"));
    } else {
      const most = Math.max.apply(null, bins.map((b) => b.count));
      const histogram = el("div", null, "kg-histogram");
      const bars = bins.map((b) => {
        const bar = el("div", null, "kg-bar");
        bar.style.height = (b.count ? Math.max(6, (100 * b.count) / most) : 0) + "%";
        bar.title = b.label + ": " + b.count + " statement" + (b.count === 1 ? "" : "s");
        histogram.appendChild(bar);
        return bar;
      });
      const range = el("div", null, "kg-range");
      const lo = el("input"), hi = el("input");
      [lo, hi].forEach((input, i) => {
        input.type = "range"; input.min = 0; input.max = bins.length - 1; input.step = 1;
        input.value = i ? bins.length - 1 : 0;
        input.id = i ? "kg-date-to" : "kg-date-from";
        input.setAttribute("aria-label", i ? "latest date" : "earliest date");
        range.appendChild(input);
      });
      const label = el("div", null);
      label.id = "kg-date-label";
      const update = () => {
        let a = Number(lo.value), b = Number(hi.value);
        if (a > b) { if (document.activeElement === lo) { b = a; hi.value = b; } else { a = b; lo.value = a; } }
        shown.lo = a; shown.hi = b;
        let inRange = 0, dated = 0;
        bins.forEach((bin, i) => { dated += bin.count; if (i >= a && i <= b) inRange += bin.count; bars[i].classList.toggle("kg-in", i >= a && i <= b); });
        label.textContent = bins[a].label + " – " + bins[b].label + " · " + number(inRange) + " of " + number(dated) + " dated statements";
      };
      lo.addEventListener("input", () => { update(); refresh(); });
      hi.addEventListener("input", () => { update(); refresh(); });
      update();
      box.append(histogram, range, label);
    }
    checkbox(box, "statements without a date", true, (on) => { shown.undated = on; }, null, data.dates.undated);
  })();

  // ---- colour by community (Louvain, computed in Python) instead of by type ----
  const PALETTE = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4", "#b2df8a", "#fb9a99"];
  $("kg-by-community").addEventListener("change", (ev) => {
    const byCommunity = ev.target.checked;
    nodes.update(data.nodes.map((n) => {
      if (!byCommunity) return { id: n.id, color: n.color };
      const c = n.community >= 0 && n.community < PALETTE.length ? PALETTE[n.community] : "#c7c7c7";
      return { id: n.id, color: { background: c, border: "#555555", highlight: { background: c, border: "#111111" } } };
    }));
  });

  // ---- the network ----
  const network = new vis.Network($("kg-network"), { nodes: nodeView, edges: edgeView }, data.options);
  const status = $("kg-status");
  let isReady = false, opening = false;
  function ready() {
    if (isReady) return;
    isReady = true;
    if (data.nodes.length) {
      status.textContent = "";
      status.style.display = "none";
    } else {
      status.textContent = "No entities to draw: the articles named none that kg recognises.";
    }
    opening = true; // a page opened on a link jumps to its focus: there is no view to move from
    route();
    opening = false;
    network.redraw(); // the community discs and labels need the settled positions
    document.body.setAttribute("data-kg-ready", "true");
  }
  if (!data.nodes.length) {
    // Nothing to lay out (vis-network would never report that it settled): say so, and be
    // ready once the rest of this script has run (see the end).
  } else if (data.options.physics && data.options.physics.enabled) {
    // Let physics settle once, then stop it so the picture holds still while people read.
    network.once("stabilizationIterationsDone", () => { network.setOptions({ physics: { enabled: false } }); communityDiscs = null; ready(); });
  } else {
    network.once("afterDrawing", ready);
  }

  // ---- labels: the top entities by PageRank always, the others as you zoom in, none on top of another ----
  const FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  const TOP_FONT = "600 13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  // A node's label appears once the node is drawn this many pixels wide (radius), unless it is a top entity.
  const LABEL_RADIUS = 4.5;
  const widths = new Map();
  let drawn = [];
  let drawnBoxes = [];
  function shortLabel(text) { return text.length > 32 ? text.slice(0, 31) + "\u2026" : text; }
  function measure(ctx, font, text) {
    const key = font + "\u0000" + text;
    let w = widths.get(key);
    if (w === undefined) { ctx.font = font; w = ctx.measureText(text).width; widths.set(key, w); }
    return w;
  }
  // Boxes already labelled, bucketed on a 64-pixel grid so each test looks at a few boxes only.
  function Grid() { this.cells = new Map(); }
  Grid.prototype.keys = function (b) {
    const out = [];
    for (let x = Math.floor(b.x / 64); x <= Math.floor((b.x + b.w) / 64); x++)
      for (let y = Math.floor(b.y / 64); y <= Math.floor((b.y + b.h) / 64); y++) out.push(x + "," + y);
    return out;
  };
  Grid.prototype.hits = function (b) {
    return this.keys(b).some((k) => (this.cells.get(k) || []).some((o) => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h));
  };
  Grid.prototype.add = function (b) { this.keys(b).forEach((k) => push(this.cells, k, b)); };

  function drawLabels(ctx) {
    const body = network.body.nodes;
    const scale = network.getScale();
    const view = network.getViewPosition();
    const canvas = ctx.canvas;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    const ratio = canvas.width / (width || 1);
    const grid = new Grid();
    drawn = [];
    drawnBoxes = [];
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    let top = data.topLabels;
    // Bold, on a white ground, when they stand out from other labels; a small graph has only these.
    const standOut = nodeView.length > data.topLabels;
    for (const n of byRank) {
      const node = body[n.id];
      if (!node) continue; // vis keeps only the nodes the filters let through
      const isTop = top > 0;
      if (isTop) top--;
      const inFocus = focus !== null && focus.nodes.has(n.id);
      if (focus !== null && !inFocus) continue;
      const radius = n.size * scale;
      if (!isTop && !inFocus && radius < LABEL_RADIUS) continue;
      const x = (node.x - view.x) * scale + width / 2, y = (node.y - view.y) * scale + height / 2;
      if (x < -150 || x > width + 150 || y < -40 || y > height + 20) continue;
      const text = shortLabel(n.label);
      const font = (isTop && standOut) || (focus && n.id === focus.id) ? TOP_FONT : FONT;
      const w = measure(ctx, font, text) + 6, h = 16, gap = Math.max(radius, 2) + 2;
      // Below the node, else above, right or left of it; a top label that fits nowhere goes further away.
      const spots = [[x - w / 2, y + gap], [x - w / 2, y - gap - h], [x + gap, y - h / 2], [x - gap - w, y - h / 2],
                     [x - w / 2, y + gap + h], [x - w / 2, y - gap - 2 * h], [x + gap, y + h / 2], [x - gap - w, y + h / 2]];
      let box = null;
      for (const [bx, by] of spots) {
        const candidate = { x: bx, y: by, w: w, h: h };
        if (!grid.hits(candidate)) { box = candidate; break; }
      }
      const forced = focus ? n.id === focus.id : isTop;
      if (!box && !forced) continue;
      let led = false;
      if (!box) {
        // A top label with no room beside its node: the nearest free place a few lines away,
        // joined to the node by a thin line, so the most important names never sit on each other.
        for (let k = 2; k <= 8 && !box; k++) {
          for (const [dx, dy] of [[0, k * h], [0, -k * h], [w / 2 + gap, k * h], [-w / 2 - gap, k * h], [w / 2 + gap, -k * h], [-w / 2 - gap, -k * h]]) {
            const candidate = { x: x - w / 2 + dx, y: y + gap + dy, w: w, h: h };
            if (!grid.hits(candidate)) { box = candidate; led = true; break; }
          }
        }
      }
      if (!box) box = { x: spots[0][0], y: spots[0][1], w: w, h: h };
      grid.add(box);
      if (led) {
        ctx.strokeStyle = "rgba(31,41,51,0.45)";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(Math.min(Math.max(x, box.x), box.x + box.w), box.y < y ? box.y + box.h : box.y);
        ctx.stroke();
      }
      ctx.font = font;
      if (isTop && standOut && !focus) {
        ctx.fillStyle = "rgba(255,255,255,0.82)";
        ctx.fillRect(box.x, box.y, box.w, box.h);
      }
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,0.95)";
      ctx.strokeText(text, box.x + w / 2, box.y + 2);
      ctx.fillStyle = "#1f2933";
      ctx.fillText(text, box.x + w / 2, box.y + 2);
      drawn.push(n.id);
      drawnBoxes.push(box);
    }
    ctx.restore();
  }

  // ---- communities (laid out apart in Python) drawn as faint discs behind their members ----
  function discs() {
    const groups = new Map();
    const positions = network.getPositions(nodeView.getIds({ filter: (n) => n.statements > 0 }));
    if (moved !== null) moved.forEach((p, id) => { if (positions[id]) positions[id] = p; });
    Object.keys(positions).forEach((id) => push(groups, byId.get(id).community, positions[id]));
    const out = [];
    groups.forEach((points, community) => {
      if (points.length < 6 || community < 0) return;
      const cx = points.reduce((s, p) => s + p.x, 0) / points.length, cy = points.reduce((s, p) => s + p.y, 0) / points.length;
      const distances = points.map((p) => Math.hypot(p.x - cx, p.y - cy)).sort((a, b) => a - b);
      out.push({ x: cx, y: cy, r: distances[Math.floor(distances.length * 0.95) - 1 >= 0 ? Math.floor(distances.length * 0.95) - 1 : 0] + 40, community: community });
    });
    return out;
  }
  if (data.layout === "communities") {
    network.on("beforeDrawing", (ctx) => {
      if (!isReady) return;
      if (communityDiscs === null) communityDiscs = discs();
      ctx.save();
      communityDiscs.forEach((d) => {
        const colour = PALETTE[d.community % PALETTE.length];
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
        ctx.globalAlpha = focus ? 0.025 : 0.07;
        ctx.fillStyle = colour;
        ctx.fill();
        ctx.globalAlpha = focus ? 0.05 : 0.18;
        ctx.lineWidth = 2 / network.getScale();
        ctx.strokeStyle = colour;
        ctx.stroke();
      });
      ctx.restore();
    });
    network.on("dragEnd", () => { communityDiscs = null; });
  }

  // ---- focus: an entity's neighbourhood, a document's statements, or a query's subgraph; the rest dims ----
  // Dimming is drawn, not set item by item: after vis has drawn everything, a white veil goes
  // over the canvas and the items in focus are drawn again on top (at full strength, even the
  // long edges that are faded otherwise). A focus costs nothing per item of the rest, so it is
  // as quick at 5,000 entities as at 50.
  const VEIL = "rgba(255,255,255,0.93)";
  function drawFocus(ctx) {
    if (focus === null) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = VEIL;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
    const body = network.body;
    // Full strength, and predicate labels from vis's default zoom on (large graphs wait for 100%).
    const strong = (item, draw) => {
      const color = item.options.color, opacity = color.opacity;
      const label = item.options.scaling.label, threshold = label.drawThreshold;
      color.opacity = 1;
      label.drawThreshold = 5;
      try { draw(); } finally { color.opacity = opacity; label.drawThreshold = threshold; }
    };
    focus.edges.forEach((id) => { const e = body.edges[id]; if (e && e.connected) strong(e, () => { e.draw(ctx); e.drawArrows(ctx); }); });
    focus.nodes.forEach((id) => { const n = body.nodes[id]; if (n) n.draw(ctx); });
  }
  network.on("afterDrawing", (ctx) => { drawFocus(ctx); drawLabels(ctx); });

  // An entity in focus gets its neighbours around it: the first hop on a ring, the second on an
  // outer ring, each in the order of the direction it lay in, so the picture turns into a list one
  // can read; the positions come back when the focus ends.
  function restorePositions() {
    if (moved === null) return;
    nodes.update(Array.from(moved, ([id, p]) => ({ id: id, x: p.x, y: p.y })));
    moved = null;
    communityDiscs = null;
  }
  function arrange(centre, levels) {
    restorePositions();
    const rings = [[], []];
    levels.forEach((level, id) => { if (level === 1 || level === 2) rings[level - 1].push(id); });
    if (!rings[0].length) return;
    const original = network.getPositions([centre].concat(rings[0], rings[1]));
    const c = original[centre];
    if (!c) return;
    rings[0] = rings[0].filter((id) => original[id]);
    rings[1] = rings[1].filter((id) => original[id] && original[levels.parent.get(id)]);
    const angle = (p) => Math.atan2(p.y - c.y, p.x - c.x);
    const updates = [];
    const placed = new Map();
    moved = new Map();
    // Each node gets its width and room for a label along the ring.
    const room = (ring, gap) => ring.reduce((sum, id) => sum + 2 * byId.get(id).size + gap, 0) / (2 * Math.PI);
    let radius = Math.max(220, room(rings[0], 70));
    rings.forEach((ring, level) => {
      if (!ring.length) return;
      if (level === 1) radius = Math.max(radius + 260, room(ring, 40));
      const key = (id) => (level === 0 ? angle(original[id]) : placed.get(levels.parent.get(id)));
      ring.sort((a, b) => key(a) - key(b) || byId.get(a).rank - byId.get(b).rank);
      const start = level === 0 ? key(ring[0]) : key(ring[0]) - Math.PI / ring.length;
      ring.forEach((id, i) => {
        const a = start + (2 * Math.PI * i) / ring.length;
        placed.set(id, a);
        moved.set(id, original[id]);
        updates.push({ id: id, x: c.x + radius * Math.cos(a), y: c.y + radius * Math.sin(a) });
      });
    });
    nodes.update(updates);
  }
  function reveal(n) {
    // A focused entity is shown even when a filter hides its type, or it is in no statement.
    let changed = false;
    if (!shown.types[n.kgType]) { shown.types[n.kgType] = true; typeBoxes.get(n.kgType).checked = true; changed = true; }
    if (n.statements === 0 && !shown.isolated) { shown.isolated = true; if (isolatedBox) isolatedBox.checked = true; changed = true; }
    if (changed) { nodeView.refresh(); edgeView.refresh(); counts(); communityDiscs = null; }
  }
  function neighbourhood(id, depth) {
    const levels = new Map([[id, 0]]);
    levels.parent = new Map();
    let frontier = [id];
    for (let h = 1; h <= depth; h++) {
      const next = [];
      frontier.forEach((v) => (incident.get(v) || []).forEach((e) => {
        if (!edgeVisible(e)) return;
        const other = e.from === v ? e.to : e.from;
        if (!levels.has(other) && nodeVisible(byId.get(other))) { levels.set(other, h); levels.parent.set(other, v); next.push(other); }
      }));
      frontier = next;
    }
    const nodeSet = new Set(levels.keys());
    const edgeSet = new Set();
    nodeSet.forEach((v) => (incident.get(v) || []).forEach((e) => { if (edgeVisible(e) && nodeSet.has(e.from) && nodeSet.has(e.to)) edgeSet.add(e.id); }));
    return { nodes: nodeSet, edges: edgeSet, levels: levels };
  }
  function setFocus(next, options, panel) {
    focus = next;
    focus.panel = panel;
    panel();
    resize(); // the panel takes room from the graph: fit to what is left
    if (next.kind === "entity") arrange(next.id, next.levels);
    else restorePositions();
    document.body.setAttribute("data-kg-focused", next.id);
    document.body.setAttribute("data-kg-focus-kind", next.kind);
    if (!(options && options.keepView)) {
      const ids = Array.from(next.nodes).filter((id) => nodeView.get(id));
      const animation = opening ? false : { duration: 400 };
      if (ids.length === 1) network.focus(ids[0], { scale: Math.max(network.getScale(), 1.1), animation: animation });
      else if (ids.length) fitWithRoom(ids, animation);
    }
    markCurrent();
  }
  // vis fits nodes edge to edge; labels need room around them, so fit, step back a quarter, and animate there.
  function fitWithRoom(ids, animation) {
    const from = { position: network.getViewPosition(), scale: network.getScale() };
    network.fit({ nodes: ids, animation: false });
    const to = { position: network.getViewPosition(), scale: Math.min(network.getScale() * 0.75, 2) };
    network.moveTo(from);
    network.moveTo(Object.assign(to, { animation: animation }));
  }
  function resize() {
    network.setSize("100%", "100%");
    network.redraw();
  }
  if (typeof ResizeObserver === "function") new ResizeObserver(() => { if (isReady) resize(); }).observe($("kg-stage"));
  function focusEntity(id, options) {
    const n = byId.get(id);
    if (!n) return;
    if (!(options && options.force) && focus && focus.kind === "entity" && focus.id === id) return;
    if (!(options && options.keepFilters)) reveal(n);
    const hood = neighbourhood(id, hops);
    setFocus({ kind: "entity", id: id, nodes: hood.nodes, edges: hood.edges, levels: hood.levels }, options, () => showEntity(n, hood));
    network.selectNodes([id]);
  }
  function focusDocument(docId) {
    if (focus && focus.kind === "document" && focus.id === docId) return;
    const list = edgesByDoc.get(docId) || [];
    const nodeSet = new Set(), edgeSet = new Set();
    list.forEach((e) => { nodeSet.add(e.from); nodeSet.add(e.to); edgeSet.add(e.id); });
    nodeSet.forEach((id) => reveal(byId.get(id)));
    setFocus({ kind: "document", id: docId, nodes: nodeSet, edges: edgeSet }, null, () => showDocument(docId, list));
    network.unselectAll();
  }
  function showSubgraph(nodeIds, edgeIds, title) {
    const nodeSet = new Set(nodeIds.filter((id) => byId.has(id)));
    const edgeSet = new Set(edgeIds.filter((id) => edgeById.has(id)));
    edgeSet.forEach((id) => { const e = edgeById.get(id); nodeSet.add(e.from); nodeSet.add(e.to); });
    // Types the filters hide are shown; entities in no statement (a meeting's place) stay as the filter says.
    nodeSet.forEach((id) => { const n = byId.get(id); if (n.statements > 0 || shown.isolated) reveal(n); else nodeSet.delete(id); });
    setFocus({ kind: "subgraph", id: "subgraph", nodes: nodeSet, edges: edgeSet }, null, () => showSubgraphPanel(title, nodeSet, edgeSet));
    network.unselectAll();
    return { nodes: nodeSet.size, edges: edgeSet.size };
  }
  function closePanel() {
    $("kg-panel").hidden = true;
    panelKind = null;
    resize();
  }
  function clearFocus() {
    closePanel();
    if (focus === null) return;
    focus = null;
    restorePositions();
    network.unselectAll();
    document.body.removeAttribute("data-kg-focused");
    document.body.removeAttribute("data-kg-focus-kind");
    markCurrent();
    network.fit({ animation: { duration: 300 } });
  }

  // ---- the URL fragment keeps the focus: #focus=entity/person/tony-blair, #doc=<id> ----
  const base = data.resourceBase;
  const encode = (v) => encodeURIComponent(v).replace(/%2F/gi, "/");
  const entityHash = (id) => "#focus=" + encode(id.startsWith(base) ? id.slice(base.length) : id);
  const docHash = (id) => "#doc=" + encode(id);
  function parseHash(hash) {
    const m = /^#(focus|doc)=(.+)$/.exec(hash);
    if (!m) return null;
    let value;
    try { value = decodeURIComponent(m[2]); } catch (err) { return null; }
    if (m[1] === "doc") return docById.has(value) || edgesByDoc.has(value) ? { kind: "document", id: value } : null;
    if (byId.has(base + value)) return { kind: "entity", id: base + value };
    return byId.has(value) ? { kind: "entity", id: value } : null;
  }
  function navigate(hash) {
    if (location.hash !== hash) history.pushState({ kg: true }, "", hash || location.pathname + location.search);
    route();
  }
  function route() {
    if (!isReady) return;
    const target = parseHash(location.hash);
    if (!target) clearFocus();
    else if (target.kind === "entity") focusEntity(target.id);
    else focusDocument(target.id);
  }
  function back() {
    // A statement opened from the focus returns to the focus's own panel.
    if (panelKind === "Statement") { if (focus) focus.panel(); else closePanel(); return; }
    // A query's subgraph has no fragment: back to what the fragment says.
    if (focus && focus.kind === "subgraph") { clearFocus(); route(); return; }
    if (history.state && history.state.kg) history.back();
    else navigate("");
  }
  window.addEventListener("popstate", route);
  window.addEventListener("hashchange", route);
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || !(focus || panelKind)) return;
    const t = ev.target;
    if (t && (t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "checkbox" && t.type !== "range"))) return;
    back();
  });
  $("kg-back").addEventListener("click", back);
  $("kg-close").addEventListener("click", () => navigate(""));

  // ---- the focus panel: an entity's statements with their sentences, dates and documents ----
  const details = $("kg-details");
  function openPanel(kind) {
    panelKind = kind;
    $("kg-panel").hidden = false;
    $("kg-panel-kind").textContent = kind;
    details.textContent = "";
    details.scrollTop = 0;
  }
  function facts(rows) {
    const dl = el("dl");
    rows.forEach((r) => {
      if (r[1] === null || r[1] === undefined || r[1] === "") return;
      dl.appendChild(el("dt", r[0]));
      const dd = el("dd");
      if (r[1] instanceof Node) dd.appendChild(r[1]); else dd.textContent = String(r[1]);
      dl.appendChild(dd);
    });
    return dl;
  }
  function entityLink(id) {
    const n = byId.get(id);
    return link(n.label, n.kgType + " · " + id, () => navigate(entityHash(id)));
  }
  function statementCard(e, from) {
    const card = el("div", null, "kg-statement" + (e.claim !== "fact" ? " kg-" + e.claim : ""));
    const fact = el("div", null, "kg-fact");
    const subject = e.from === from ? el("span", byId.get(e.from).label) : entityLink(e.from);
    const object = e.to === from && e.from !== e.to ? el("span", byId.get(e.to).label) : entityLink(e.to);
    fact.append(subject, " ", el("span", (e.polarity === "negative" ? "not " : "") + e.predicate + (e.rate !== null ? " " + e.rate + "%" : ""), "kg-predicate"), " ", object);
    card.appendChild(fact);
    const meta = el("div", null, "kg-meta");
    const parts = [];
    if (e.date) parts.push(e.date);
    if (e.location) parts.push("in " + e.location);
    if (e.modality && e.modality !== "asserted") parts.push(e.modality);
    if (parts.length) meta.append(parts.join(" · "), " · ");
    if (e.doc) meta.appendChild(link(docTitle(e.doc), "document " + e.doc, () => navigate(docHash(e.doc))));
    card.appendChild(meta);
    if (e.sentence) card.appendChild(el("blockquote", e.sentence));
    card.addEventListener("mouseenter", () => network.selectEdges([e.id]));
    return card;
  }
  function statementList(list, from, sort) {
    const box = el("div");
    const sorted = list.slice().sort(sort);
    const LIMIT = 150;
    let shownCount = 0;
    const more = el("button", null, "kg-more");
    more.type = "button";
    function next() {
      sorted.slice(shownCount, shownCount + LIMIT).forEach((e) => box.insertBefore(statementCard(e, from), more));
      shownCount = Math.min(sorted.length, shownCount + LIMIT);
      more.hidden = shownCount >= sorted.length;
      more.textContent = "Show " + Math.min(LIMIT, sorted.length - shownCount) + " more of " + (sorted.length - shownCount);
    }
    more.addEventListener("click", next);
    box.appendChild(more);
    next();
    return box;
  }
  const byDate = (a, b) => (a.date ? 0 : 1) - (b.date ? 0 : 1) || String(a.date).localeCompare(String(b.date)) || String(a.doc).localeCompare(String(b.doc)) || (a.start || 0) - (b.start || 0);
  const byOffset = (a, b) => (a.start || 0) - (b.start || 0) || a.id.localeCompare(b.id);
  function showEntity(n, hood) {
    openPanel("Entity");
    const h = el("h3");
    const style = typeStyle.get(n.kgType);
    if (style) h.appendChild(swatch(style));
    h.appendChild(el("span", n.label));
    details.appendChild(h);
    details.appendChild(facts([["type", n.kgType], ["aliases", n.aliases.join(", ")], ["titles", (n.titles || []).join(", ")],
      ["PageRank", n.pagerank + " (#" + (n.rank + 1) + " of " + number(data.nodes.length) + ")"], ["degree", n.degree],
      ["documents", n.documents], ["community", n.community], ["IRI", n.id]]));
    const hopsBox = el("div", null, "kg-hops");
    hopsBox.appendChild(el("span", "Neighbourhood", "kg-muted"));
    [1, 2].forEach((k) => {
      const b = el("button", k + (k === 1 ? " hop" : " hops"), "kg-hop");
      b.type = "button";
      b.setAttribute("aria-pressed", String(hops === k));
      b.addEventListener("click", () => { hops = k; focusEntity(n.id, { force: true }); });
      hopsBox.appendChild(b);
    });
    hopsBox.appendChild(el("span", number(hood.nodes.size - 1) + " entities, " + number(hood.edges.size) + " statements", "kg-muted"));
    details.appendChild(hopsBox);
    const own = (incident.get(n.id) || []);
    details.appendChild(el("h4", "Statements (" + own.length + ")"));
    details.appendChild(statementList(own, n.id, byDate));
  }
  function showDocument(docId, list) {
    openPanel("Document");
    const d = docById.get(docId) || { id: docId, title: null, published: null };
    details.appendChild(el("h3", d.title || docId));
    const people = new Set();
    list.forEach((e) => { people.add(e.from); people.add(e.to); });
    details.appendChild(facts([["published", d.published], ["document", docId], ["statements", list.length], ["entities", people.size]]));
    details.appendChild(el("h4", "Statements in the order of the text"));
    details.appendChild(statementList(list, null, byOffset));
  }
  function showSubgraphPanel(title, nodeSet, edgeSet) {
    openPanel("Query result");
    details.appendChild(el("h3", title));
    details.appendChild(facts([["entities", nodeSet.size], ["statements", edgeSet.size]]));
    const list = el("ol", null, "kg-list");
    Array.from(nodeSet).map((id) => byId.get(id)).sort((a, b) => a.rank - b.rank).slice(0, 300).forEach((n) => {
      const li = el("li");
      li.appendChild(link(n.label, n.kgType, () => navigate(entityHash(n.id))));
      list.appendChild(li);
    });
    details.appendChild(el("h4", "Entities"));
    details.appendChild(list);
    if (edgeSet.size) {
      details.appendChild(el("h4", "Statements"));
      details.appendChild(statementList(Array.from(edgeSet).map((id) => edgeById.get(id)), null, byDate));
    }
  }
  function showStatement(e) {
    openPanel("Statement");
    details.appendChild(el("h3", byId.get(e.from).label + " \u2192 " + e.predicate + " \u2192 " + byId.get(e.to).label));
    details.appendChild(facts([["subject", entityLink(e.from)], ["object", entityLink(e.to)], ["words", e.relation]].concat(edgeRows(e).slice(0, 7))
      .concat([["document", e.doc ? link(docTitle(e.doc), e.doc, () => navigate(docHash(e.doc))) : null],
               ["sentence offsets", e.start + "\u2013" + e.end], ["statement", e.id]])));
    if (e.sentence) details.appendChild(el("blockquote", e.sentence));
  }
  network.on("click", (params) => {
    if (params.nodes.length) navigate(entityHash(params.nodes[0]));
    else if (params.edges.length) showStatement(edgeById.get(params.edges[0]));
    else if (focus || panelKind) back();
  });

  // ---- search: by label or alias, exact first, then prefix, then substring ----
  const names = $("kg-names"), seen = new Set();
  data.nodes.forEach((n) => {
    [n.label].concat(n.aliases).forEach((name) => {
      if (seen.has(name)) return;
      seen.add(name);
      const option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  });
  function findNode(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const tests = [(s) => s === q, (s) => s.indexOf(q) === 0, (s) => s.indexOf(q) >= 0];
    for (const test of tests) {
      const hits = data.nodes.filter((n) => [n.label].concat(n.aliases).some((s) => test(s.toLowerCase())));
      if (hits.length) { hits.sort((a, b) => a.rank - b.rank); return hits[0]; }
    }
    return null;
  }
  const search = $("kg-search");
  function focusSearch() {
    const n = findNode(search.value);
    search.classList.toggle("kg-miss", !n && search.value.trim() !== "");
    if (n) navigate(entityHash(n.id));
  }
  search.addEventListener("change", focusSearch);
  search.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focusSearch(); });
  $("kg-fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));

  // ---- tabs ----
  const tabs = ["filters", "entities", "documents"];
  function showTab(name) {
    tabs.forEach((t) => {
      $("kg-tab-" + t + "-button").setAttribute("aria-selected", String(t === name));
      $("kg-tab-" + t).hidden = t !== name;
    });
    if (name === "entities") entityTable();
    if (name === "documents") documentList();
  }
  tabs.forEach((t) => $("kg-tab-" + t + "-button").addEventListener("click", () => showTab(t)));

  // ---- the entity table: sortable by PageRank, degree, type, documents; a row focuses its entity ----
  const sort = { key: "pagerank", descending: true };
  let tableLimit = 100, tableBuilt = false;
  const entityFilter = $("kg-entity-filter");
  function entityRows() {
    const q = entityFilter.value.trim().toLowerCase();
    const rows = q ? data.nodes.filter((n) => [n.label].concat(n.aliases).some((s) => s.toLowerCase().indexOf(q) >= 0)) : data.nodes.slice();
    const k = sort.key, sign = sort.descending ? -1 : 1;
    rows.sort((a, b) => {
      const x = a[k], y = b[k];
      const c = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return sign * c || a.rank - b.rank;
    });
    return rows;
  }
  function entityTable() {
    tableBuilt = true;
    const body = $("kg-entity-table").tBodies[0];
    body.textContent = "";
    const rows = entityRows();
    rows.slice(0, tableLimit).forEach((n) => {
      const tr = el("tr");
      tr.dataset.id = n.id;
      tr.tabIndex = 0;
      tr.title = n.label + (n.aliases.length ? " (" + n.aliases.join(", ") + ")" : "");
      tr.append(el("td", n.label), el("td", n.kgType), el("td", n.pagerank.toFixed(4), "kg-num"), el("td", n.degree, "kg-num"), el("td", n.documents, "kg-num"));
      tr.addEventListener("click", () => navigate(entityHash(n.id)));
      tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") navigate(entityHash(n.id)); });
      body.appendChild(tr);
    });
    const more = $("kg-entity-more");
    more.hidden = rows.length <= tableLimit;
    more.textContent = "Show more (" + number(rows.length - tableLimit) + " left)";
    markCurrent();
  }
  Array.from($("kg-entity-table").tHead.rows[0].cells).forEach((th) => {
    th.querySelector("button").addEventListener("click", () => {
      const key = th.dataset.key;
      sort.descending = sort.key === key ? !sort.descending : key !== "label" && key !== "kgType";
      sort.key = key;
      Array.from(th.parentNode.cells).forEach((c) => c.setAttribute("aria-sort", c === th ? (sort.descending ? "descending" : "ascending") : "none"));
      entityTable();
    });
  });
  entityFilter.addEventListener("input", () => { tableLimit = 100; entityTable(); });
  $("kg-entity-more").addEventListener("click", () => { tableLimit += 200; entityTable(); });

  // ---- the document list: a document focuses its statements ----
  let docLimit = 200, listBuilt = false;
  const documentFilter = $("kg-document-filter");
  function documentList() {
    listBuilt = true;
    const list = $("kg-document-list");
    list.textContent = "";
    const q = documentFilter.value.trim().toLowerCase();
    const docs = q ? data.documents.filter((d) => (d.title || "").toLowerCase().indexOf(q) >= 0 || d.id.toLowerCase().indexOf(q) >= 0) : data.documents;
    docs.slice(0, docLimit).forEach((d) => {
      const li = el("li");
      li.dataset.id = d.id;
      const b = el("button");
      b.type = "button";
      b.append(el("span", d.title || d.id), el("small", [d.published, d.id, d.statements + " statement" + (d.statements === 1 ? "" : "s")].filter(Boolean).join(" · ")));
      b.addEventListener("click", () => navigate(docHash(d.id)));
      li.appendChild(b);
      list.appendChild(li);
    });
    const more = $("kg-document-more");
    more.hidden = docs.length <= docLimit;
    more.textContent = "Show more (" + number(docs.length - docLimit) + " left)";
    markCurrent();
  }
  documentFilter.addEventListener("input", () => { docLimit = 200; documentList(); });
  $("kg-document-more").addEventListener("click", () => { docLimit += 400; documentList(); });
  function markCurrent() {
    const id = focus ? focus.id : null;
    if (tableBuilt) Array.from($("kg-entity-table").tBodies[0].rows).forEach((tr) => tr.classList.toggle("kg-current", tr.dataset.id === id));
    if (listBuilt) Array.from($("kg-document-list").children).forEach((li) => li.classList.toggle("kg-current", li.dataset.id === id));
  }

  counts();
  if (!data.nodes.length) ready();
  // For the SPARQL panel, tests and scripts: the network, the data and the focus.
  window.kg = {
    data: data, network: network, nodes: nodes, edges: edges, byId: byId, edgeById: edgeById, docById: docById,
    incident: (id) => incident.get(id) || [],
    findNode: findNode,
    focus: (q) => { search.value = q; focusSearch(); },
    focusEntity: (id) => navigate(entityHash(id)),
    focusDocument: (id) => navigate(docHash(id)),
    showSubgraph: showSubgraph,
    clearFocus: () => navigate(""),
    focused: () => (focus ? { kind: focus.kind, id: focus.id, nodes: Array.from(focus.nodes), edges: Array.from(focus.edges) } : null),
    drawnLabels: () => drawn.map((id) => byId.get(id).label),
    labelBoxes: () => drawnBoxes.map((b) => ({ x: b.x, y: b.y, w: b.w, h: b.h })),
  };
})();
