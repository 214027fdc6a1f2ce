// The new API token's page (templates/api/token_created.html): the key is selected when its field gets focus,
// and a "Copy" button (hidden without JavaScript, where selecting and copying by hand is the way) copies it.
(function () {
  document.querySelectorAll("[data-select-on-focus]").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.querySelector(button.dataset.copy);
    if (!field || !navigator.clipboard) return;
    var label = button.textContent;
    button.classList.remove("d-none");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        button.textContent = button.dataset.copied;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();
