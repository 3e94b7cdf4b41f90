// newscrawl report: sortable tables and CSV export, no libraries, no requests.
"use strict";
function cellKey(cell, numeric) {
  const raw = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent;
  if (!numeric) return raw.toLowerCase();
  const n = parseFloat(raw);
  return Number.isNaN(n) ? Infinity : n;  // unknown values sort last
}
function sortTable(table, column) {
  const th = table.tHead.rows[0].cells[column];
  const numeric = th.dataset.type === "num";
  const ascending = !th.classList.contains("asc");
  for (const other of table.tHead.rows[0].cells) other.classList.remove("asc", "desc");
  th.classList.add(ascending ? "asc" : "desc");
  const rows = Array.from(table.tBodies[0].rows);
  rows.sort((a, b) => {
    const x = cellKey(a.cells[column], numeric), y = cellKey(b.cells[column], numeric);
    return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
  });
  table.tBodies[0].append(...rows);
}
function csvField(text) {
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
function tableCsv(id) {
  const table = document.getElementById(id);
  const lines = [];
  for (const row of table.rows) {
    lines.push(Array.from(row.cells, (cell) => {
      const link = cell.querySelector("a");
      return csvField(link ? link.getAttribute("href") : cell.textContent.trim());
    }).join(","));
  }
  return lines.join("\n") + "\n";
}
function downloadCsv(id) {
  const blob = new Blob([tableCsv(id)], { type: "text/csv" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = id.replace(/-table$/, "") + ".csv";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
for (const table of document.querySelectorAll("table.sortable")) {
  Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
    th.addEventListener("click", () => sortTable(table, column));
  });
}
for (const button of document.querySelectorAll("button.csv")) {
  button.addEventListener("click", () => downloadCsv(button.dataset.table));
}
