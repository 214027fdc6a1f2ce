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

  document.addEventListener("DOMContentLoaded", function () { enhanceSelects(document); });
  document.body && document.body.addEventListener("htmx:afterSwap", function (e) { enhanceSelects(e.target); });
})();
