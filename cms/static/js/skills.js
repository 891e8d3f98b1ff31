// Suggest taxonomy skills while a resident types one in their own words.
// The form works without this: the <datalist> offers the names, and the server links
// phrases to skills on save. This adds fuzzy suggestions (typos, English words).
(function () {
  "use strict";
  var list = document.querySelector(".skill-rows[data-suggest-url]");
  if (!list || !window.fetch) return;
  var url = list.getAttribute("data-suggest-url");
  var label = list.getAttribute("data-suggest-label");

  function box(input) {
    var id = input.id + "-suggestions";
    var el = document.getElementById(id);
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "suggestions";
      el.setAttribute("role", "status");
      el.setAttribute("aria-live", "polite");
      input.parentNode.appendChild(el);
    }
    return el;
  }

  function show(input, results) {
    var el = box(input);
    el.textContent = "";
    if (!results.length) return;
    var span = document.createElement("span");
    span.textContent = label + " ";
    el.appendChild(span);
    results.forEach(function (result) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "suggestion";
      button.textContent = result.name;
      button.addEventListener("click", function () {
        input.value = result.name;
        el.textContent = "";
        input.focus();
      });
      el.appendChild(button);
    });
  }

  var timer;
  list.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList || !input.classList.contains("skill-input")) return;
    clearTimeout(timer);
    var query = input.value.trim();
    if (query.length < 2) { show(input, []); return; }
    timer = setTimeout(function () {
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(input, data.results.slice(0, 6)); })
        .catch(function () {});
    }, 200);
  });
})();
