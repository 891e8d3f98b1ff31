// "Genkendt som" for the editors' field of required skills: read the phrases again
// while the editor types, and add a skill chosen from the taxonomy's names.
// Without this the server shows the same reading after a save.
(function () {
  "use strict";
  function setUp(box) {
    if (box.dataset.ready) return;
    box.dataset.ready = "1";
    var field = document.getElementById(box.getAttribute("data-for"));
    var list = box.querySelector(".skill-phrases__list");
    var add = box.querySelector(".skill-phrases__add");
    var button = box.querySelector(".skill-phrases__add-button");
    var url = box.getAttribute("data-read-url");
    var none = box.getAttribute("data-label-none");
    if (!field || !window.fetch) return;
    button.hidden = false;

    function render(phrases) {
      list.textContent = "";
      phrases.forEach(function (item) {
        var li = document.createElement("li");
        li.appendChild(document.createTextNode("“" + item.phrase + "”: "));
        if (item.skills.length) {
          item.skills.forEach(function (skill) {
            var chip = document.createElement("span");
            chip.className = "skill-chip";
            chip.textContent = skill.name;
            li.appendChild(chip);
            li.appendChild(document.createTextNode(" "));
          });
        } else {
          var em = document.createElement("em");
          em.textContent = none;
          li.appendChild(em);
        }
        list.appendChild(li);
      });
    }

    var timer;
    function reread() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(field.value), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { phrases: [] }; })
          .then(function (data) { render(data.phrases); })
          .catch(function () {});
      }, 300);
    }
    field.addEventListener("input", reread);
    button.addEventListener("click", function () {
      var name = add.value.trim();
      if (!name) return;
      field.value = field.value.trim() ? field.value.trim() + ", " + name : name;
      add.value = "";
      reread();
      field.focus();
    });
  }
  function all() { document.querySelectorAll(".skill-phrases").forEach(setUp); }
  document.addEventListener("DOMContentLoaded", all);
  // Inline panels add task forms later: set those up as they appear.
  new MutationObserver(all).observe(document.documentElement, { childList: true, subtree: true });
  all();
})();
