// Forms that speak (WCAG 3.3.1): after an invalid submit the page opens on the error summary,
// and each of its links puts the cursor in the field it names, not just scrolls to it.
(function () {
  "use strict";
  function focusField(link, event) {
    var target = document.getElementById(link.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    var label = document.querySelector('label[for="' + target.id + '"]');
    (label || target).scrollIntoView({ block: "center" });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.querySelectorAll("a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) { focusField(link, event); });
    });
  });
})();
