/* Draws the dashboards' Vega-Lite charts with vega-embed, from the specifications the
   page carries in <script type="application/json"> elements. Every chart has a data
   table beside it, so a page without JavaScript loses nothing but the drawing.
   The Content-Security-Policy allows neither eval nor inline styles: Vega's expressions
   are run by vega-interpreter instead of being compiled to functions, and vega-embed
   and vega-tooltip do not add their style sheets (evaluation.css has their rules). */
(function () {
  "use strict";

  function draw() {
    if (typeof window.vegaEmbed !== "function" || !window.vega.expressionInterpreter) {
      return;
    }
    var localeNode = document.getElementById("chart-locale");
    var locale = localeNode ? JSON.parse(localeNode.textContent) : undefined;
    var containers = document.querySelectorAll("[data-vega-spec]");
    Array.prototype.forEach.call(containers, function (container) {
      var source = document.getElementById(container.getAttribute("data-vega-spec"));
      if (!source) {
        return;
      }
      container.hidden = false;
      window
        .vegaEmbed(container, JSON.parse(source.textContent), {
          actions: false,
          renderer: "svg",
          formatLocale: locale,
          ast: true,
          expr: window.vega.expressionInterpreter,
          defaultStyle: false,
          tooltip: { disableDefaultStyle: true },
        })
        .catch(function () {
          container.hidden = true;
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
