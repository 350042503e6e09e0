/* Photo viewer of gallery pages: the links of [data-gallery] open in its
   <dialog>; without JavaScript they open the large photo as a page. */
(function () {
  "use strict";

  function initGallery(list) {
    var dialog = document.getElementById(list.getAttribute("data-gallery"));
    var links = Array.from(list.querySelectorAll("a[data-lightbox]"));
    if (!dialog || !dialog.showModal || !links.length) {
      return;
    }
    function part(name) {
      return dialog.querySelector("[data-lightbox-" + name + "]");
    }
    var frame = part("frame");
    var caption = part("caption");
    var counter = part("counter");
    var closeButton = part("close");
    var counterText = dialog.getAttribute("data-counter") || "{current} / {total}";
    var current = 0;
    var opener = null;

    function src(link) {
      return link.getAttribute("data-src") || link.href;
    }

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var img = new Image();
      img.src = src(link);
      img.alt = link.getAttribute("data-alt") || "";
      if (link.getAttribute("data-width")) {
        img.width = link.getAttribute("data-width");
        img.height = link.getAttribute("data-height");
      }
      frame.replaceChildren(img);
      var source = link.closest("figure");
      source = source && source.querySelector("figcaption");
      caption.replaceChildren.apply(
        caption,
        source ? Array.from(source.childNodes, function (node) { return node.cloneNode(true); }) : []
      );
      counter.textContent = counterText
        .replace("{current}", current + 1)
        .replace("{total}", links.length);
      // Fetch the neighbours, so the arrows feel instant.
      new Image().src = src(links[(current + 1) % links.length]);
      new Image().src = src(links[(current + links.length - 1) % links.length]);
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button > 0) {
          return; // a new tab, as the visitor asked
        }
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        closeButton.focus();
      });
    });

    [["prev", -1], ["next", 1]].forEach(function (button) {
      part(button[0]).hidden = links.length < 2;
      part(button[0]).addEventListener("click", function () {
        show(current + button[1]);
      });
    });

    dialog.addEventListener("keydown", function (event) {
      var forward = getComputedStyle(dialog).direction === "rtl" ? -1 : 1;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        show(current + (event.key === "ArrowRight" ? forward : -forward));
      }
    });

    closeButton.addEventListener("click", function () {
      dialog.close();
    });
    // A click on the backdrop (the dialog itself, not its content) closes it.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) {
        dialog.close();
      }
    });
    dialog.addEventListener("close", function () {
      frame.replaceChildren();
      if (opener) {
        opener.focus();
        opener = null;
      }
    });
  }

  document.querySelectorAll("[data-gallery]").forEach(initGallery);
})();
