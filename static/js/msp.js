// Progressive enhancement only: every page works without this file.
(function () {
  function enhanceSelects(root) {
    if (!window.TomSelect) return;
    root.querySelectorAll("select[data-enhance]").forEach(function (el) {
      if (el.tomselect) return;
      var multi = el.dataset.enhance === "multi";
      new TomSelect(el, {
        plugins: multi ? ["remove_button"] : [],
        maxOptions: 300,
        placeholder: el.dataset.placeholder || "",
        hidePlaceholder: true,
        closeAfterSelect: true,
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { enhanceSelects(document); });
  document.body && document.body.addEventListener("htmx:afterSwap", function (e) { enhanceSelects(e.target); });
})();
