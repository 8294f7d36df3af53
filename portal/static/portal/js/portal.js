// Progressive enhancement only: every page works without JavaScript.
(function () {
  "use strict";
  var KEEP = "portal:keep-position";

  // A form marked data-keep-position (moving a course-path step) reloads the page at "#its-button". The
  // browser would scroll that button to the top of the window; instead the button comes back where it was
  // on the screen, under the pointer or finger, so the trainer sees the step move and can press again.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.hasAttribute("data-keep-position") || !button || !window.sessionStorage) return;
    var place = { path: window.location.pathname, top: button.getBoundingClientRect().top };
    try { window.sessionStorage.setItem(KEEP, JSON.stringify(place)); } catch (error) { /* private mode */ }
  });

  function keptPosition() {
    try {
      var place = JSON.parse(window.sessionStorage.getItem(KEEP) || "null");
      window.sessionStorage.removeItem(KEEP);
      return place && place.path === window.location.pathname ? place : null;
    } catch (error) {
      return null;
    }
  }

  // After a form post that redirects to "#some-button", put keyboard focus back on that button so keyboard
  // users can keep going.
  function restoreFocus() {
    var place = keptPosition();
    if (!window.location.hash) return;
    var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    if (!target) return;
    if (target.disabled) {
      // The step reached the top or bottom; its other move button is the natural next control.
      var sibling = target.parentElement && target.parentElement.querySelector("button:not([disabled])");
      target = sibling || target;
    }
    if (!place) {
      target.focus();
      return;
    }
    target.focus({ preventScroll: true });
    // The browser scrolls to the fragment itself while loading; correct it once it has.
    var settle = function () {
      window.scrollBy(0, target.getBoundingClientRect().top - place.top);
    };
    if (document.readyState === "complete") {
      window.requestAnimationFrame(settle);
    } else {
      window.addEventListener("load", function () { window.requestAnimationFrame(settle); });
    }
  }
  document.addEventListener("DOMContentLoaded", restoreFocus);
})();
