/* Draws every chart of a Segmenta report from the JSON embedded in the page. No network access. */
(function () {
  'use strict';
  var specs = JSON.parse(document.getElementById('segmenta-charts').textContent);
  var charts = [];
  Object.keys(specs).forEach(function (id) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(specs[id]);
    charts.push(chart);
  });
  function resize() { charts.forEach(function (c) { c.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  document.documentElement.setAttribute('data-charts-ready', String(charts.length));
})();
