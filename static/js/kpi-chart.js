/* Draws the chart on an indicator page from the JSON the page embeds (the table beside it holds the same figures). */
(function () {
  "use strict";
  var canvas = document.getElementById("kpi-chart");
  var source = document.getElementById("kpi-chart-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var isPct = data.unit === "percentage";
  var numberFormat = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: isPct ? 2 : 0, maximumFractionDigits: 2 });
  function format(value) { return value === null || value === undefined ? "—" : numberFormat.format(value) + (isPct ? "%" : ""); }
  function flat(value) { return data.labels.map(function () { return value; }); }

  var colours = { actual: "#154273", target: "#8a5300", norm: "#4b5563", baseline: "#6b7280" };
  var datasets = [{
    label: "Cijfer",
    data: data.actual,
    borderColor: colours.actual,
    backgroundColor: colours.actual,
    borderWidth: 3,
    spanGaps: true,
    pointRadius: 6,
    pointHoverRadius: 8,
    pointStyle: "circle",
    // Provisional figures: an open point, and a dashed line towards it.
    pointBackgroundColor: data.provisional.map(function (p) { return p ? "#ffffff" : colours.actual; }),
    pointBorderWidth: 2,
    segment: { borderDash: function (ctx) { return data.provisional[ctx.p1DataIndex] ? [6, 4] : undefined; } }
  }, {
    label: "Streefcijfer",
    data: data.target,
    borderColor: colours.target,
    backgroundColor: colours.target,
    borderDash: [10, 5],
    borderWidth: 2,
    pointStyle: "rectRot",
    pointRadius: 5,
    spanGaps: true
  }];
  if (data.baseline !== null) {
    datasets.push({ label: "Nulmeting", data: flat(data.baseline), borderColor: colours.baseline, borderWidth: 1.5, pointRadius: 0 });
  }
  if (data.norm !== null) {
    datasets.push({ label: "Landelijke streefnorm", data: flat(data.norm), borderColor: colours.norm, borderDash: [2, 3], borderWidth: 2, pointRadius: 0 });
  }

  new Chart(canvas, {
    type: "line",
    data: { labels: data.labels, datasets: datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        y: { beginAtZero: true, ticks: { callback: function (value) { return format(value); } } }
      },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true } },
        tooltip: {
          callbacks: {
            label: function (ctx) {
              var suffix = ctx.datasetIndex === 0 && data.provisional[ctx.dataIndex] ? " (voorlopig)" : "";
              return ctx.dataset.label + ": " + format(ctx.parsed.y) + suffix;
            }
          }
        }
      }
    }
  });
})();
