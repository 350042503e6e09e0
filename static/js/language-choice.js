/* The language a reader chooses in the language switcher is remembered in
   Django's language cookie, so that "/" sends them back to it
   (website/views.py root_redirect). Pages stay the same for everyone: the
   cookie is written here, never by a response. */
(function () {
  "use strict";

  var COOKIE = "django_language";
  var YEAR = 365 * 24 * 60 * 60;

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".language-switcher__list a[hreflang]");
    if (!link) {
      return;
    }
    document.cookie = COOKIE + "=" + encodeURIComponent(link.getAttribute("hreflang")) +
      "; path=/; max-age=" + YEAR + "; samesite=lax";
  });
})();
