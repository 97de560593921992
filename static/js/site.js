/* The portal's small enhancements; every page works without them (CSP: a static file, no inline script).
   1. The mobile menu link (#site-menu, :target without JavaScript) becomes a button with aria-expanded.
   2. After a failed submit the error summary takes the focus, and its links focus their fields. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function enhanceMenu() {
    var link = document.querySelector("a.menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!link || !menu) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.setAttribute("aria-controls", "site-menu");
    button.setAttribute("aria-expanded", "false");
    button.innerHTML = link.innerHTML;
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        menu.classList.remove("is-open");
        button.setAttribute("aria-expanded", "false");
        button.focus();
      }
    });
  }

  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      // As GOV.UK does: bring the field's label (or legend) into view with the field, then focus the field.
      var label = document.querySelector("label[for='" + field.id + "']");
      var fieldset = field.closest("fieldset");
      var anchor = (fieldset && fieldset.querySelector("legend")) || label || field;
      anchor.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  enhanceMenu();
  focusErrorSummary();
})();
