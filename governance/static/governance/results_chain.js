// The results-chain form: when the level changes, offer as "contributes to" only the nodes of the level above it
// (outcomes under an impact, outputs under an outcome, activities under an output). Progressive enhancement: the
// server already offers the right nodes for the level it was given, and checks the choice on saving.
(function () {
  function offer(levelSelect, parentSelect, above, emptyLabels) {
    var wanted = above[levelSelect.value]; // undefined while no level is chosen: offer every node
    Array.prototype.forEach.call(parentSelect.options, function (option) {
      var level = option.dataset.level;
      if (level === undefined) { // the empty choice: say what to choose
        if (emptyLabels[levelSelect.value]) option.textContent = emptyLabels[levelSelect.value];
        return;
      }
      var fits = wanted === undefined || level === wanted;
      option.hidden = !fits;
      option.disabled = !fits;
      if (!fits && option.selected) parentSelect.value = "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var parentSelect = document.querySelector("select[data-parent-levels]");
    var levelSelect = parentSelect && parentSelect.form.querySelector('select[name="level"]');
    if (!levelSelect) return;
    var above = JSON.parse(parentSelect.dataset.parentLevels);
    var emptyLabels = JSON.parse(parentSelect.dataset.emptyLabels);
    levelSelect.addEventListener("change", function () { offer(levelSelect, parentSelect, above, emptyLabels); });
  });
})();
