// Progressive enhancement only: every page works without this file.
(function () {
  // What the pickers say themselves, in the page's language: base.html renders the texts into data-msg-*
  // attributes of <html> with {% translate %} (English here only for a page without them).
  function message(name, fallback) {
    return document.documentElement.dataset[name] || fallback;
  }

  function enhanceSelects(root) {
    if (!window.TomSelect) return;
    root.querySelectorAll("select[data-enhance]").forEach(function (el) {
      if (el.tomselect) return;
      var multi = el.dataset.enhance === "multi";
      var select = new TomSelect(el, {
        plugins: multi ? { remove_button: { title: message("msgRemove", "Remove") } } : {},
        maxOptions: 300,
        placeholder: el.dataset.placeholder || "",
        hidePlaceholder: true,
        closeAfterSelect: true,
        // Filter on every key, not 300 ms after the last one (Tom Select's default throttle, meant for lists
        // loaded from a server; ours are a few hundred local options). A throttled filter still pending when the
        // user presses Enter or clicks elsewhere runs afterwards: Enter chooses the first option of the unfiltered
        // list, and the late filter reopens the list and pulls focus back from the field the user moved to (seen
        // on a loaded machine; a quick typist hits it on any). Nothing is left to run later this way.
        refreshThrottle: 0,
        render: {
          no_results: function (data, escape) {
            return '<div class="no-results">' + escape(message("msgNoResults", "No results found")) + "</div>";
          },
          // A chosen value is cut to one line by msp.css; its title holds the whole text.
          item: function (data, escape) {
            var text = escape(data.text);
            return '<div title="' + text + '"><span class="msp-chip-text">' + text + "</span></div>";
          },
        },
      });
      nameThePicker(el, select);
      keepEnterInPicker(select);
      if (multi) clickOnChipSearches(select);
    });
  }

  // Tom Select points the field's <label for> at its search box (a combobox that controls the listbox of
  // options, both labelled by it). The original <select> stays in the page for the form, out of sight: hide it
  // from assistive technology too, or it is a second, nameless control. A select with no <label> (its name in
  // aria-label or only a placeholder) passes that name on to the search box and the listbox. Its help text,
  // error and required state go to the search box as well.
  function nameThePicker(el, select) {
    el.setAttribute("aria-hidden", "true");
    var input = select.control_input;
    ["aria-describedby", "aria-invalid"].forEach(function (attr) {
      if (el.hasAttribute(attr)) input.setAttribute(attr, el.getAttribute(attr));
    });
    if (el.required) input.setAttribute("aria-required", "true");
    if (input.hasAttribute("aria-labelledby")) return;
    var name = el.getAttribute("aria-label") || el.dataset.placeholder || el.getAttribute("name");
    input.setAttribute("aria-label", name);
    select.dropdown_content.setAttribute("aria-label", name);
  }

  // Enter in a picker chooses the highlighted option (Tom Select does that first) and nothing else: without
  // this, Enter with the list closed submits the whole form half-filled.
  function keepEnterInPicker(select) {
    select.wrapper.addEventListener("keydown", function (e) {
      if (e.key === "Enter") e.preventDefault();
    });
  }

  // A click on a chip (not on its remove button) opens the search, as a click anywhere else in the field does;
  // Tom Select would select the chip instead, and the next keys would go nowhere. Chips are still selectable from
  // the keyboard (arrow keys, Backspace).
  function clickOnChipSearches(select) {
    select.control.addEventListener(
      "click",
      function (e) {
        var chip = e.target.closest("[data-ts-item]");
        if (!chip || e.target.closest(".remove")) return;
        e.preventDefault();
        e.stopPropagation();
        select.setActiveItem();
        select.focus();
        select.open();
      },
      true
    );
  }

  // Confirm steps: a form (or a button) with data-confirm="question" asks before submitting. One listener for
  // the whole page, so no inline JavaScript (translations with apostrophes, a Content-Security-Policy).
  document.addEventListener(
    "submit",
    function (e) {
      var form = e.target;
      var submitter = e.submitter;
      var question = (submitter && submitter.dataset.confirm) || form.dataset.confirm;
      if (question && !window.confirm(question)) {
        e.preventDefault();
        e.stopImmediatePropagation();
      }
    },
    true
  );

  // A form sent back with errors starts with a summary (partials/error_summary.html): move focus there, so the
  // user hears and sees what is wrong, and let its links put the cursor in the field (a picker's search box when the
  // field is a Tom Select, whose own select is hidden).
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (e) {
      var link = e.target.closest("a[href^='#']");
      var field = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      e.preventDefault();
      var visible = field.tomselect ? field.tomselect.wrapper : field;
      visible.scrollIntoView({ block: "center" });
      if (field.tomselect) field.tomselect.focus();
      else field.focus();
    });
  }

  // Tabs that scroll sideways (a phone) start with the current tab in view, and fade at an edge with more beyond.
  function markEdges(row) {
    row.classList.toggle("has-more-left", row.scrollLeft > 1);
    row.classList.toggle("has-more-right", row.scrollLeft + row.clientWidth < row.scrollWidth - 1);
  }

  function showCurrentTab() {
    document.querySelectorAll(".msp-tabs, .msp-subnav").forEach(function (row) {
      var current = row.querySelector(".active");
      if (current && row.scrollWidth > row.clientWidth) {
        row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
      }
      markEdges(row);
      row.addEventListener("scroll", function () { markEdges(row); }, { passive: true });
    });
    window.addEventListener("resize", function () {
      document.querySelectorAll(".msp-tabs, .msp-subnav").forEach(markEdges);
    });
  }

  // "Go back" on the 403 page: the browser's history when there is one (a javascript: link would break the
  // Content-Security-Policy), else the link's own address (My work).
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a[data-history-back]");
    if (link && window.history.length > 1) {
      e.preventDefault();
      window.history.back();
    }
  });

  // What static/js/picker.js (the pickers that search the server) shares with these: the same names, the same Enter.
  window.mspPicker = { message: message, nameThePicker: nameThePicker, keepEnterInPicker: keepEnterInPicker };

  document.addEventListener("DOMContentLoaded", function () {
    enhanceSelects(document);
    showCurrentTab();
    focusErrorSummary();
  });
  document.body && document.body.addEventListener("htmx:afterSwap", function (e) { enhanceSelects(e.target); });
})();
