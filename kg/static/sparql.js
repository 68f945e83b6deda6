// ---- kg's SPARQL panel. This follows Oxigraph's web.js in the same inline module and uses its
// `__wbg_init` and `Store`. The WebAssembly binary and the page's triples are gzip + base64
// data elements, inflated with DecompressionStream on first use: nothing is fetched. Results
// reach the screen through textContent only. ----
{
  const kg = window.kg;
  const settings = kg.data.sparql;
  const $ = (id) => document.getElementById(id);
  const panel = $("kg-sparql"), toggle = $("kg-sparql-toggle");
  const select = $("kg-query-name"), textarea = $("kg-query-text"), paramsBox = $("kg-query-params");
  const statusBox = $("kg-query-status"), results = $("kg-query-results"), drawButton = $("kg-query-draw");
  const prologue = Object.entries(settings.prefixes).map(([p, ns]) => "PREFIX " + p + ": <" + ns + ">").join(" ") + " ";
  const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
  const labelIndex = new Map();
  kg.data.nodes.slice().sort((a, b) => b.rank - a.rank).forEach((n) => labelIndex.set(n.label, n.id));
  const docBase = kg.data.resourceBase + "doc/";

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function status(text, error) {
    statusBox.textContent = text;
    statusBox.classList.toggle("kg-error", Boolean(error));
  }

  // ---- the engine: Oxigraph in WebAssembly over the page's own triples, loaded once ----
  function fromBase64(text) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text.trim());
    const binary = atob(text.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  async function inflate(id) {
    const stream = new Blob([fromBase64($(id).textContent)]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  let engine = null;
  function loadEngine() {
    if (engine === null) {
      engine = (async () => {
        const started = performance.now();
        await __wbg_init({ module_or_path: await inflate("kg-oxigraph-wasm") });
        const store = new Store();
        store.load(new TextDecoder().decode(await inflate("kg-triples")), { format: $("kg-triples").dataset.format, no_transaction: true });
        return { store: store, ms: Math.round(performance.now() - started) };
      })();
    }
    return engine;
  }

  // ---- values for a named query's parameters: a one-row VALUES block in every group pattern
  // that uses the variable (as kg.remote.query.with_values does for remote stores), the value
  // written as an escaped RDF term, never pasted ----
  const TOKEN = /(\s+)|(#[^\n]*)|("""(?:[^"\\]|\\.|"(?!""))*"""|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\x00-\x20]*>)|([?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)|([A-Za-z_][A-Za-z0-9_\-.:\\%]*)|([\s\S])/g;
  const KINDS = ["space", "comment", "string", "iri", "var", "word", "other"];
  function tokens(text) {
    const out = [];
    TOKEN.lastIndex = 0;
    let m;
    while ((m = TOKEN.exec(text)) !== null) {
      let k = 1;
      while (m[k] === undefined) k++;
      const kind = KINDS[k - 1];
      if (kind !== "space" && kind !== "comment") out.push({ kind: kind, value: m[0], end: TOKEN.lastIndex });
    }
    return out;
  }
  function queryForm(toks) {
    for (const t of toks) {
      const w = t.value.toLowerCase();
      if (t.kind === "word" && (w === "select" || w === "ask" || w === "construct" || w === "describe")) return w;
    }
    return "select";
  }
  function rdfTerm(value) {
    if (value.startsWith("<") && value.endsWith(">")) {
      const iri = value.slice(1, -1);
      if (/[<>"{}|^`\\\u0000-\u0020]/.test(iri)) throw new Error("not a valid IRI: " + value);
      return "<" + iri + ">";
    }
    return '"' + value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") + '"';
  }
  function withValues(text, bindings) {
    const toks = tokens(text);
    const used = new Set(toks.filter((t) => t.kind === "var").map((t) => t.value.slice(1)));
    const names = Object.keys(bindings).filter((n) => used.has(n));
    if (!names.length) return text;
    const terms = names.map((n) => rdfTerm(bindings[n]));
    const block = names.length === 1 ? " VALUES ?" + names[0] + " { " + terms[0] + " }"
      : " VALUES (" + names.map((n) => "?" + n).join(" ") + ") { (" + terms.join(" ") + ") }";
    const words = toks.map((t) => t.value.toLowerCase());
    const closing = new Map(), stack = [];
    toks.forEach((t, i) => { if (t.value === "{") stack.push(i); else if (t.value === "}" && stack.length) closing.set(stack.pop(), i); });
    const bound = [];
    toks.forEach((t, i) => { if (t.kind === "var" && names.indexOf(t.value.slice(1)) >= 0) bound.push(i); });
    const offsets = [];
    let dataBlock = false;
    toks.forEach((t, index) => {
      if (t.kind === "word" && words[index] === "values") dataBlock = true;
      if (t.value !== "{") return;
      const before = words.slice(Math.max(0, index - 2), index);
      const end = closing.has(index) ? closing.get(index) : toks.length;
      if (dataBlock) dataBlock = false; // VALUES ?x { ... }: data, not a pattern
      else if (before[before.length - 1] === "construct" || (before[0] === "construct" && before[1] === "where")) return;
      else if (words[index + 1] === "select") return; // a subquery's brace: its own WHERE takes the values
      else if (bound.some((i) => index < i && i < end)) offsets.push(t.end);
    });
    if (!offsets.length) throw new Error("cannot bind " + names.map((n) => "?" + n).join(", ") + ": the query has no group pattern to put the value in");
    let out = "", start = 0;
    offsets.forEach((o) => { out += text.slice(start, o) + block; start = o; });
    return out + text.slice(start);
  }

  // ---- running a query: SELECT and ASK as W3C JSON results, CONSTRUCT and DESCRIBE as triples ----
  function termOf(t) {
    if (t.termType === "NamedNode") return { type: "uri", value: t.value };
    if (t.termType === "BlankNode") return { type: "bnode", value: t.value };
    return { type: "literal", value: t.value, datatype: t.datatype ? t.datatype.value : undefined };
  }
  async function execute(text, bindings) {
    const { store } = await loadEngine();
    const form = queryForm(tokens(text));
    const query = prologue + withValues(text, bindings || {});
    const started = performance.now();
    let result;
    try {
      if (form === "construct" || form === "describe") {
        const quads = store.query(query);
        result = { kind: "graph", vars: ["subject", "predicate", "object"], rows: quads.map((q) => [termOf(q.subject), termOf(q.predicate), termOf(q.object)]) };
      } else {
        const json = JSON.parse(store.query(query, { results_format: "application/sparql-results+json" }));
        if (typeof json.boolean === "boolean") result = { kind: "ask", vars: [], rows: [], boolean: json.boolean };
        else result = { kind: "select", vars: json.head.vars, rows: json.results.bindings.map((b) => json.head.vars.map((v) => b[v] || null)) };
      }
    } catch (err) {
      // Positions on the first line count the prefixes kg declares; take them off.
      const message = String(err && err.message ? err.message : err).replace(/\b1:(\d+)/, (m, c) => "1:" + Math.max(1, Number(c) - prologue.length));
      throw new Error(message);
    }
    result.ms = Math.round(performance.now() - started);
    return result;
  }

  // ---- results as a table: entities, documents and statements in a cell are links into the graph ----
  function entityOf(term) {
    if (!term) return null;
    if (term.type === "uri") return kg.byId.has(term.value) ? term.value : null;
    if (term.type === "literal" && (!term.datatype || term.datatype === XSD_STRING)) return labelIndex.get(term.value) || null;
    return null;
  }
  function documentOf(term) {
    if (!term) return null;
    if (term.type === "uri" && term.value.startsWith(docBase)) return kg.docById.has(term.value.slice(docBase.length)) ? term.value.slice(docBase.length) : null;
    if (term.type === "literal" && (!term.datatype || term.datatype === XSD_STRING)) return kg.docById.has(term.value) ? term.value : null;
    return null;
  }
  function statementOf(term) {
    return term && term.type === "uri" && kg.edgeById.has(term.value) ? term.value : null;
  }
  function shorten(iri) {
    let best = null;
    Object.entries(settings.prefixes).forEach(([p, ns]) => { if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns]; });
    return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
  }
  function link(text, title, onClick) {
    const b = el("button", text, "kg-link");
    b.type = "button";
    b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }
  function cell(term) {
    const td = el("td");
    td.dataset.term = term ? term.value : "";
    if (!term) return td;
    td.dataset.type = term.type;
    const entity = entityOf(term), statement = statementOf(term), doc = entity ? null : documentOf(term);
    const shown = term.type === "uri" ? shorten(term.value) : term.value;
    if (entity) td.appendChild(link(term.type === "uri" ? kg.byId.get(entity).label : term.value, "focus " + entity, () => kg.focusEntity(entity)));
    else if (statement) td.appendChild(link(shown, "show this statement", () => kg.showSubgraph([], [statement], "Statement " + shown)));
    else if (doc) td.appendChild(link(shown, "show this document's statements", () => kg.focusDocument(doc)));
    else { td.textContent = shown; if (term.type === "uri") td.title = term.value; }
    return td;
  }
  // More rows than this wait for a click: a SELECT * can give a row per triple.
  const MAX_ROWS = 1000;
  let last = null;
  function show(result) {
    results.textContent = "";
    last = result;
    if (result.kind === "ask") {
      results.appendChild(el("p", result.boolean ? "yes" : "no"));
      drawButton.disabled = true;
      return;
    }
    const table = el("table", null, "kg-table");
    table.id = "kg-query-table";
    const head = el("tr");
    result.vars.forEach((v) => head.appendChild(el("th", "?" + v)));
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    const add = (rows) => rows.forEach((row) => {
      const tr = el("tr");
      row.forEach((term) => tr.appendChild(cell(term)));
      body.appendChild(tr);
    });
    add(result.rows.slice(0, MAX_ROWS));
    results.appendChild(table);
    if (result.rows.length > MAX_ROWS) {
      const all = el("button", "Show all " + result.rows.length.toLocaleString("en") + " rows", "kg-more");
      all.type = "button";
      all.id = "kg-query-all";
      all.addEventListener("click", () => { add(result.rows.slice(MAX_ROWS)); all.remove(); });
      results.appendChild(all);
    }
    drawButton.disabled = !result.rows.length;
  }

  // ---- a result drawn as a subgraph: its entities, its statements, and the statements that
  // join two entities named in the same row ----
  function subgraph(result) {
    const nodeIds = new Set(), edgeIds = new Set();
    result.rows.forEach((row) => {
      const inRow = new Set(), docs = [];
      let statements = 0;
      row.forEach((term) => {
        const entity = entityOf(term), statement = statementOf(term), doc = entity ? null : documentOf(term);
        if (entity) { nodeIds.add(entity); inRow.add(entity); }
        if (statement) { edgeIds.add(statement); statements++; }
        if (doc) docs.push(doc);
      });
      inRow.forEach((a) => kg.incident(a).forEach((e) => { if (e.from !== e.to && inRow.has(e.from) && inRow.has(e.to)) edgeIds.add(e.id); }));
      // A row that names documents only (the `documents` query) stands for their statements.
      if (!inRow.size && !statements) docs.forEach((doc) => kg.data.edges.forEach((e) => { if (e.doc === doc) edgeIds.add(e.id); }));
    });
    return { nodes: Array.from(nodeIds), edges: Array.from(edgeIds) };
  }
  drawButton.addEventListener("click", () => {
    if (!last) return;
    const parts = subgraph(last);
    const drawn = kg.showSubgraph(parts.nodes, parts.edges, (select.value || "query") + ": " + last.rows.length + " rows");
    status(drawn.nodes + " entities and " + drawn.edges + " statements drawn");
  });

  // ---- the panel: named queries, their parameters, the editor ----
  const queries = new Map(settings.queries.map((q) => [q.name, q]));
  function defaultValue(param) {
    const top = kg.data.nodes.slice().sort((a, b) => a.rank - b.rank)[0];
    if (param === "name" && top) return top.label;
    if (param === "doc" && kg.data.documents.length) return kg.data.documents.slice().sort((a, b) => b.statements - a.statements)[0].id;
    return "";
  }
  settings.queries.forEach((q) => {
    const option = el("option", q.name);
    option.value = q.name;
    option.title = q.description;
    select.appendChild(option);
  });
  const own = el("option", "(your own query)");
  own.value = "";
  select.appendChild(own);
  function choose(name) {
    select.value = name;
    const q = queries.get(name);
    paramsBox.textContent = "";
    $("kg-query-description").textContent = q ? q.description : "Write any SELECT, ASK, CONSTRUCT or DESCRIBE query; kg's prefixes are declared.";
    if (!q) return;
    textarea.value = q.text;
    q.params.forEach((p) => {
      const label = el("label", "?" + p + " ");
      const input = el("input");
      input.dataset.param = p;
      input.value = defaultValue(p);
      input.setAttribute("aria-label", "value of ?" + p);
      input.addEventListener("keydown", (ev) => { if (ev.key === "Enter") run(); });
      label.appendChild(input);
      paramsBox.appendChild(label);
    });
  }
  select.addEventListener("change", () => choose(select.value));
  function bindings() {
    const out = {};
    paramsBox.querySelectorAll("input[data-param]").forEach((input) => { if (input.value !== "") out[input.dataset.param] = input.value; });
    return out;
  }
  let running = null;
  async function run() {
    if (running) return running;
    status(engine === null ? "Loading the SPARQL engine\u2026" : "Running\u2026");
    panel.setAttribute("data-kg-state", "running");
    running = (async () => {
      try {
        const result = await execute(textarea.value, bindings());
        show(result);
        status(result.kind === "ask" ? "answered in " + result.ms + " ms" : result.rows.length + " row" + (result.rows.length === 1 ? "" : "s") + " in " + result.ms + " ms");
        panel.setAttribute("data-kg-state", "done");
        return result;
      } catch (err) {
        results.textContent = "";
        results.appendChild(el("pre", String(err && err.message ? err.message : err)));
        drawButton.disabled = true;
        status("error", true);
        panel.setAttribute("data-kg-state", "error");
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  }
  $("kg-query-run").addEventListener("click", run);
  textarea.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); } });
  function open(show) {
    panel.hidden = !show;
    toggle.setAttribute("aria-expanded", String(show));
    if (show) {
      loadEngine().then((e) => { if (!statusBox.textContent) status("ready: " + Number($("kg-triples").dataset.count).toLocaleString("en") + " triples, loaded in " + e.ms + " ms"); },
                         (err) => status("the SPARQL engine did not load: " + err, true));
    }
  }
  toggle.addEventListener("click", () => open(panel.hidden));
  $("kg-sparql-close").addEventListener("click", () => open(false));
  choose(settings.queries.length ? (queries.has("connected") ? "connected" : settings.queries[0].name) : "");

  // For tests and scripts: run a query as the panel does, without the panel.
  kg.sparql = { open: open, choose: choose, run: run, execute: execute, withValues: withValues, ready: loadEngine };
  document.body.setAttribute("data-kg-sparql", "true");
}
