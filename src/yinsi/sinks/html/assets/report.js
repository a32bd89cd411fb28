// The finding table: filter, sort and page the rows embedded as compact JSON (no network, no library).
// Row layout: [type index, sensitive 0/1, score, source index, where, field, masked preview, digest, value?].
(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var meta = JSON.parse(document.getElementById("report-meta").textContent);
  var rows = JSON.parse(document.getElementById("report-rows").textContent);
  var PAGE = 25;
  var state = { text: "", type: "", sensitive: false, key: -1, dir: 1, page: 0 };
  var view = rows;
  var haystacks = null;
  var body = table.tBodies[0];
  var count = document.getElementById("f-count");
  var info = document.getElementById("p-info");
  var prev = document.getElementById("p-prev");
  var next = document.getElementById("p-next");

  function typeLabel(index) {
    var name = meta.types[index];
    var chinese = meta.names[name];
    return chinese ? chinese + " " + name : name;
  }
  function value(row, key) {
    if (key === 0) { return meta.types[row[0]]; }
    if (key === 3) { return meta.sources[row[3]]; }
    return row[key];
  }
  function haystack(index) {
    if (haystacks === null) {
      haystacks = rows.map(function (row) {
        return [typeLabel(row[0]), meta.sources[row[3]], row[4], row[5], row[6], row[7]].join(" ").toLowerCase();
      });
    }
    return haystacks[index];
  }
  function apply() {
    var text = state.text.trim().toLowerCase();
    var typeIndex = state.type ? meta.types.indexOf(state.type) : -1;
    var kept = [];
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (typeIndex >= 0 && row[0] !== typeIndex) { continue; }
      if (state.sensitive && !row[1]) { continue; }
      if (text && haystack(i).indexOf(text) < 0) { continue; }
      kept.push(row);
    }
    if (state.key >= 0) {
      var key = state.key, dir = state.dir;
      kept.sort(function (a, b) {
        var x = value(a, key), y = value(b, key);
        if (typeof x === "number" && typeof y === "number") { return (x - y) * dir; }
        return String(x).localeCompare(String(y), "zh-CN", { numeric: true }) * dir;
      });
    }
    view = kept;
    state.page = 0;
    draw();
  }
  function td(text, css) {
    var cell = document.createElement("td");
    cell.textContent = text;
    if (css) { cell.className = css; }
    return cell;
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var start = state.page * PAGE;
    var fragment = document.createDocumentFragment();
    view.slice(start, start + PAGE).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(td(typeLabel(row[0])));
      tr.appendChild(td(row[1] ? "是 yes" : "否 no", row[1] ? "sens" : ""));
      tr.appendChild(td(Number(row[2]).toFixed(2)));
      tr.appendChild(td(meta.sources[row[3]], "mono"));
      tr.appendChild(td(row[4], "mono"));
      tr.appendChild(td(row[5]));
      tr.appendChild(td(row[6], "mono"));
      tr.appendChild(td(row[7], "mono"));
      if (meta.values) { tr.appendChild(td(row[8] || "", "mono")); }
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    var shown = view.length ? (start + 1) + "–" + Math.min(start + PAGE, view.length) : "0";
    count.textContent = view.length.toLocaleString() + " / " + rows.length.toLocaleString() + " 条 findings";
    info.textContent = shown + " · 第 " + (state.page + 1) + " / " + pages + " 页 page";
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }
  var timer = null;
  document.getElementById("f-text").addEventListener("input", function (event) {
    state.text = event.target.value;
    if (timer !== null) { clearTimeout(timer); }
    timer = setTimeout(apply, 120);
  });
  document.getElementById("f-type").addEventListener("change", function (event) {
    state.type = event.target.value;
    apply();
  });
  document.getElementById("f-sensitive").addEventListener("change", function (event) {
    state.sensitive = event.target.checked;
    apply();
  });
  prev.addEventListener("click", function () { state.page -= 1; draw(); });
  next.addEventListener("click", function () { state.page += 1; draw(); });
  Array.prototype.forEach.call(table.tHead.querySelectorAll("th[data-k]"), function (th) {
    th.addEventListener("click", function () {
      var key = Number(th.getAttribute("data-k"));
      state.dir = state.key === key ? -state.dir : (key === 2 || key === 1 ? -1 : 1);
      state.key = key;
      Array.prototype.forEach.call(table.tHead.querySelectorAll("th"), function (other) {
        other.classList.remove("asc", "desc");
      });
      th.classList.add(state.dir > 0 ? "asc" : "desc");
      apply();
    });
  });
  apply();
}());
