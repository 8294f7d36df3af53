// Suggestions while typing, as an ARIA 1.2 combobox with a list box. Without JavaScript the form just submits.
(function () {
  "use strict";
  function setup(box) {
    var input = box.querySelector("input[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var url = box.getAttribute("data-suggest-url");
    var active = -1, timer = null, lastQuery = "";

    function options() { return list.querySelectorAll("[role=option]"); }
    function close() {
      list.hidden = true; list.innerHTML = ""; active = -1;
      input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", all[active].id);
    }
    function show(suggestions) {
      list.innerHTML = "";
      suggestions.forEach(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-url", suggestion.url);
        item.textContent = suggestion.title;
        if (suggestion.type) {
          var type = document.createElement("span");
          type.className = "suggestion-type";
          type.textContent = " · " + suggestion.type;
          item.appendChild(type);
        }
        item.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = suggestion.url; });
        list.appendChild(item);
      });
      var open = suggestions.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      active = -1;
    }
    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < 2) { close(); return; }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === query) show(data.suggestions || []); })
        .catch(close);
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(fetchSuggestions, 150); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (list.hidden) { lastQuery = ""; fetchSuggestions(); } else highlight(active + 1); }
      else if (event.key === "ArrowUp") { if (!list.hidden) { event.preventDefault(); highlight(active - 1); } }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); window.location.href = options()[active].getAttribute("data-url"); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".combobox[data-suggest-url]").forEach(setup);
  });
})();
