// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";
  // After a form post that redirects to "#some-button" (e.g. moving a course-path step),
  // put keyboard focus back on that button so keyboard users can keep going.
  function restoreFocus() {
    if (!window.location.hash) return;
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) return;
    if (target.disabled) {
      // The step reached the top or bottom; its other move button is the natural next control.
      var sibling = target.parentElement && target.parentElement.querySelector("button:not([disabled])");
      target = sibling || target;
    }
    target.focus();
  }
  document.addEventListener("DOMContentLoaded", restoreFocus);
})();
