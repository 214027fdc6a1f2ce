// Pickers over a table that grows with the installation (msp/widgets.py, SearchSelect): the page carries only the
// current choice; as the person types, the matching rows come from the server a page at a time (scroll down the
// list for the next page). The control is Tom Select, as for every other picker: an input with role=combobox,
// aria-expanded, aria-controls and aria-activedescendant over a listbox; arrow keys move, Enter chooses, Escape
// closes. The <select> keeps its name and posts the chosen id, as before. Progressive enhancement only: without
// this file the select keeps the current choice and a text box takes an exact name (see the widget).
(function () {
  function pageUrl(base, query, page) {
    var url = base + (base.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
    return page && page > 1 ? url + "&page=" + page : url;
  }

  function enhance(el) {
    if (el.tomselect || !window.TomSelect || !window.mspPicker) return;
    var shared = window.mspPicker;
    var base = el.dataset.pickerUrl;
    var select = new TomSelect(el, {
      valueField: "value",
      labelField: "text",
      searchField: [],
      // The server has matched (name, short name, IATI identifier, country): show its rows in its order.
      score: function () { return function () { return 1; }; },
      plugins: ["virtual_scroll"],
      maxOptions: null,
      preload: "focus",
      loadThrottle: 250,
      placeholder: el.dataset.placeholder || "",
      hidePlaceholder: true,
      closeAfterSelect: true,
      shouldLoad: function () { return true; },
      firstUrl: function (query) { return pageUrl(base, query, 1); },
      load: function (query, callback) {
        var self = this;
        fetch(this.getUrl(query), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (page) {
            if (page.next) self.setNextUrl(query, pageUrl(base, query, page.next));
            callback(page.results);
          })
          .catch(function () {
            callback();
            self.dropdown_content.setAttribute("aria-busy", "false");
            var note = document.createElement("div");
            note.className = "no-results";
            note.textContent = shared.message("msgSearchFailed", "The search did not answer; type again.");
            self.dropdown_content.appendChild(note);
          });
      },
      render: {
        no_results: function (data, escape) {
          return '<div class="no-results">' + escape(shared.message("msgNoResults", "No results found")) + "</div>";
        },
        loading: function (data, escape) {
          return '<div class="no-results">' + escape(shared.message("msgLoading", "Searching…")) + "</div>";
        },
        loading_more: function (data, escape) {
          return '<div class="loading-more-results">' + escape(shared.message("msgLoading", "Searching…")) + "</div>";
        },
        no_more_results: function () { return ""; },
        item: function (data, escape) {
          var text = escape(data.text);
          return '<div title="' + text + '"><span class="msp-chip-text">' + text + "</span></div>";
        },
      },
    });
    shared.nameThePicker(el, select);
    shared.keepEnterInPicker(select);
  }

  function enhanceAll(root) {
    root.querySelectorAll("select[data-picker-url]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.body && document.body.addEventListener("htmx:afterSwap", function (e) { enhanceAll(e.target); });
})();
