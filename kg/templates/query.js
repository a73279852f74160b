// Run the form's query with fetch and show a table; without JavaScript the form still works.
// Every value is inserted as text, never as markup.
"use strict";
(function () {
  const form = document.getElementById("query-form");
  const result = document.getElementById("result");
  const status = document.getElementById("status");

  function cell(binding) {
    if (!binding) return "";
    if (binding.type === "literal" && binding["xml:lang"]) return binding.value + " @" + binding["xml:lang"];
    if (binding.type === "uri") return "<" + binding.value + ">";
    return binding.value;
  }

  function table(data) {
    const el = document.createElement("table");
    const head = el.createTHead().insertRow();
    const vars = data.head.vars || [];
    vars.forEach(function (v) { const th = document.createElement("th"); th.textContent = "?" + v; head.appendChild(th); });
    const body = el.createTBody();
    data.results.bindings.forEach(function (row) {
      const tr = body.insertRow();
      vars.forEach(function (v) { tr.insertCell().textContent = cell(row[v]); });
    });
    return el;
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const format = document.getElementById("format").value;
    const params = new URLSearchParams({ query: document.getElementById("query").value });
    if (format) params.set("format", format);
    status.textContent = "Running…";
    result.replaceChildren();
    const started = performance.now();
    try {
      const response = await fetch("sparql", {
        method: "POST", body: params,
        headers: { "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      });
      const type = response.headers.get("content-type") || "";
      const text = await response.text();
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (response.ok && type.startsWith("application/sparql-results+json")) {
        const data = JSON.parse(text);
        if ("boolean" in data) {
          const pre = document.createElement("pre"); pre.textContent = String(data.boolean); result.appendChild(pre);
          status.textContent = "ASK answered in " + seconds + " s";
        } else {
          result.appendChild(table(data));
          const n = data.results.bindings.length;
          status.textContent = n + " row" + (n === 1 ? "" : "s") + " in " + seconds + " s";
        }
      } else {
        const pre = document.createElement("pre"); pre.textContent = text; result.appendChild(pre);
        status.textContent = (response.ok ? "" : "Error " + response.status + " ") + "in " + seconds + " s";
      }
    } catch (err) {
      status.textContent = "The request failed: " + err;
    }
  });
})();
