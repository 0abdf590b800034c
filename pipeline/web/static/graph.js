// Draws the neighbourhood the page carries (#graph-data) with cytoscape.js; a click on a node walks to it.
(function () {
  "use strict";
  var COLOURS = {Agency: "#2b6cb0", Document: "#2f855a", Measure: "#b7791f", Amount: "#c53030",
                 Proposal: "#6b46c1", Response: "#805ad5", Person: "#718096", Session: "#4a5568",
                 CitedDocument: "#68d391", Alias: "#90cdf4"};

  function draw() {
    var data = document.getElementById("graph-data");
    var box = document.getElementById("graph");
    if (!data || !box || typeof cytoscape === "undefined") { return; }
    var elements = JSON.parse(data.textContent);
    var cy = cytoscape({
      container: box,
      elements: elements,
      style: [
        {selector: "node", style: {
          "label": "data(label)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
          "width": 18, "height": 18, "color": "#1a202c", "text-wrap": "ellipsis", "text-max-width": 110,
          "background-color": function (n) { return COLOURS[n.data("type")] || "#a0aec0"; }}},
        {selector: "node[distance = 0]", style: {"width": 30, "height": 30, "border-width": 3,
                                                   "border-color": "#1a202c", "font-weight": "bold"}},
        {selector: "edge", style: {"width": 1, "line-color": "#cbd5e0", "target-arrow-shape": "triangle",
                                   "target-arrow-color": "#cbd5e0", "curve-style": "bezier", "arrow-scale": 0.7}},
        {selector: "edge:selected, node:selected", style: {"line-color": "#2d3748", "border-width": 2}}
      ],
      layout: {name: "concentric", concentric: function (n) { return 10 - n.data("distance"); },
               levelWidth: function () { return 1; }, minNodeSpacing: 18, animate: false}
    });
    cy.on("tap", "node", function (evt) {
      var walk = evt.target.data("walk");
      if (walk) { window.location.href = walk; }
    });
    cy.on("mouseover", "node", function () { box.style.cursor = "pointer"; });
    cy.on("mouseout", "node", function () { box.style.cursor = ""; });
    window.policykgGraph = cy;
    box.setAttribute("data-ready", "true");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
