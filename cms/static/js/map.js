/* Draw every .map element from the GeoJSON next to it. Markers need no tiles: without a
   tile server (MAP_TILES_URL) the map shows markers on a plain background, and the text
   list beside it carries the same content for everyone. */
(function () {
  "use strict";
  function draw(el) {
    if (typeof L === "undefined") return;
    var script = document.getElementById(el.dataset.geojsonId + "");
    if (!script) return;
    var data = JSON.parse(script.textContent);
    var map = L.map(el, {
      scrollWheelZoom: false,
      attributionControl: !!el.dataset.tilesUrl,
      zoomControl: false,
    });
    // Leaflet's own control labels are English; use the page's language.
    L.control.zoom({
      zoomInTitle: el.dataset.zoomInLabel || "Zoom in",
      zoomOutTitle: el.dataset.zoomOutLabel || "Zoom out",
    }).addTo(map);
    map.on("popupopen", function (event) {
      var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close && el.dataset.closeLabel) close.setAttribute("aria-label", el.dataset.closeLabel);
    });
    if (el.dataset.tilesUrl) {
      L.tileLayer(el.dataset.tilesUrl, {
        maxZoom: 18,
        attribution: el.dataset.tilesAttribution || "",
      }).addTo(map);
    } else {
      el.classList.add("map--no-tiles");
    }
    var layer = L.geoJSON(data, {
      pointToLayer: function (feature, latlng) {
        return L.marker(latlng, {
          title: feature.properties.name,
          alt: feature.properties.name,
          keyboard: true,
        });
      },
      onEachFeature: function (feature, marker) {
        var p = feature.properties;
        var link = document.createElement("a");
        link.href = p.url;
        link.textContent = p.name;
        var box = document.createElement("div");
        box.appendChild(link);
        var detail = p.kind_label || p.phase_label || "";
        if (detail) {
          var small = document.createElement("div");
          small.textContent = detail;
          box.appendChild(small);
        }
        marker.bindPopup(box);
      },
    }).addTo(map);
    var bounds = layer.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
    } else {
      map.setView([56.0, 10.5], 6);
    }
    el.dataset.ready = "true";
  }
  function init() {
    if (typeof L !== "undefined") {
      L.Icon.Default.imagePath = (document.querySelector("link[href*='vendor/leaflet/leaflet']") || {}).href
        ? document.querySelector("link[href*='vendor/leaflet/leaflet']").href.replace(/leaflet[^/]*\.css.*$/, "images/")
        : undefined;
    }
    document.querySelectorAll(".map[data-geojson-id]").forEach(draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
