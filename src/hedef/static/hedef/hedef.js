/* Behaviour the pages share, kept out of the markup: the Content-Security-Policy runs
   no inline script or event-handler attribute. */
(function () {
  "use strict";

  // <select data-submit-on-change>: choosing an option sends the form (the language,
  // the plan version); a <noscript> button does the same without JavaScript.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("[data-submit-on-change]") && field.form) {
      field.form.submit();
    }
  });
})();
