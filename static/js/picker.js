// Pickers over a table that grows with the installation (msp/widgets.py, SearchSelect): the page carries only the
// current choice; as the person types, the first page of matching rows comes from the server (when more match, a line
// under them says to type more). The control is Tom Select, as for every other picker: an input with role=combobox,
// aria-expanded, aria-controls and aria-activedescendant over a listbox; arrow keys move, Enter chooses, Escape
// closes. The <select> keeps its name and posts the chosen id, as before. Progressive enhancement only: without
// this file the select keeps the current choice and a text box takes an exact name (see the widget).
(function () {
  function pageUrl(base, query, page) {
    var url = base + (base.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
    return page && page > 1 ? url + "&page=" + page : url;
  }

  // A line under the options (not one of them: the arrow keys pass it by), e.g. that more rows match.
  function note(select, text) {
    var line = document.createElement("div");
    line.className = "no-results msp-picker-note";
    line.textContent = text;
    select.dropdown_content.appendChild(line);
  }

  // While the rows are on their way the listbox is busy (it has no options yet): assistive technology waits.
  function busy(select, yes) {
    select.dropdown_content.setAttribute("aria-busy", yes ? "true" : "false");
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
      maxOptions: null,
      preload: "focus",
      loadThrottle: 250,
      placeholder: el.dataset.placeholder || "",
      hidePlaceholder: true,
      closeAfterSelect: true,
      shouldLoad: function () { return true; },
      load: function (query, callback) {
        var self = this;
        busy(self, true);
        fetch(pageUrl(base, query, 1), { credentials: "same-origin", headers: { Accept: "application/json" } })
          .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.json();
          })
          .then(function (page) {
            // Only this search's rows (not those of the letters typed before), keeping the current choice.
            self.clearOptions();
            callback(page.results);
            busy(self, false);
            if (page.next) note(self, shared.message("msgMore", "More match than shown: type more of the name."));
          })
          .catch(function () {
            callback();
            busy(self, false);
            note(self, shared.message("msgSearchFailed", "The search did not answer; type again."));
          });
      },
      render: {
        no_results: function (data, escape) {
          return '<div class="no-results">' + escape(shared.message("msgNoResults", "No results found")) + "</div>";
        },
        loading: function (data, escape) {
          return '<div class="no-results">' + escape(shared.message("msgLoading", "Searching…")) + "</div>";
        },
        item: function (data, escape) {
          var text = escape(data.text);
          return '<div title="' + text + '"><span class="msp-chip-text">' + text + "</span></div>";
        },
      },
    });
    busy(select, true); // nothing loaded until the person comes to it
    shared.nameThePicker(el, select);
    shared.keepEnterInPicker(select);
  }

  function enhanceAll(root) {
    root.querySelectorAll("select[data-picker-url]").forEach(enhance);
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceAll(document); });
  document.body && document.body.addEventListener("htmx:afterSwap", function (e) { enhanceAll(e.target); });
})();
