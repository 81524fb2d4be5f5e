// Bar chart of budget vs spent per theme on /begroting/. The table beside it carries the same numbers.
(function () {
  "use strict";
  var canvas = document.getElementById("budget-chart");
  var source = document.getElementById("budget-chart-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels.map(function (l) { return l.length > 32 ? l.slice(0, 31) + "…" : l; }),
      datasets: [
        { label: data.budgetLabel, data: data.budget, backgroundColor: "#154273" },
        { label: data.spentLabel, data: data.spent, backgroundColor: "#e17000" },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + euro.format(c.parsed.x); } } },
      },
      scales: { x: { ticks: { callback: function (v) { return euro.format(v); } } } },
    },
  });
})();
