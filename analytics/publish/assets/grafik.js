// Pantau Netralitas ASN, versi ringan: draws each chart once it comes near the screen, with the
// one shared copy of plotly.js (fetched on the first chart, then cached by the browser). The
// page's numbers are in tables beside the charts, so the page reads without this script.
(function () {
  "use strict";
  var me = document.currentScript;
  var plotlyUrl = me && me.getAttribute("data-plotly");
  // the empty base map beside the page's assets, not plotly's CDN
  var topojsonUrl = plotlyUrl ? plotlyUrl.replace(/[^\/]*$/, "topojson/") : undefined;
  var loading = null;
  function plotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }
  function draw(box) {
    var source = document.getElementById(box.getAttribute("data-chart"));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    plotly().then(function (Plotly) {
      var layout = spec.layout || {};
      layout.autosize = true;
      delete layout.width;
      Plotly.newPlot(box, spec.data, layout, {
        responsive: true, displaylogo: false, displayModeBar: false, topojsonURL: topojsonUrl
      });
      box.setAttribute("data-drawn", "1");
    });
  }
  var boxes = Array.prototype.slice.call(document.querySelectorAll("[data-chart]"));
  if (!("IntersectionObserver" in window)) { boxes.forEach(draw); return; }
  var watcher = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { watcher.unobserve(entry.target); draw(entry.target); }
    });
  }, { rootMargin: "200px 0px" });
  boxes.forEach(function (box) { watcher.observe(box); });
})();
