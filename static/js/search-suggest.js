/* Search suggestions for <form data-search-suggest="URL">: ARIA 1.2 combobox
   with list autocomplete. Without JavaScript the form simply searches. */
(function () {
  "use strict";

  var DELAY = 200; // ms after the last keystroke
  var MIN_LENGTH = 2;

  function set(element, attributes) {
    Object.keys(attributes).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
  }

  function setUp(form, formIndex) {
    var input = form.querySelector("input[name='q']");
    var endpoint = form.getAttribute("data-search-suggest");
    if (!input || !endpoint || input.hasAttribute("role")) {
      return;
    }
    var listId = (input.id || "search-" + formIndex) + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggest";
    set(list, { role: "listbox", "aria-label": form.getAttribute("data-suggest-label") || "" });
    list.hidden = true;

    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");

    var row = input.parentNode;
    row.parentNode.insertBefore(list, row.nextSibling);
    form.appendChild(status);
    form.classList.add("search-form--suggest");

    set(input, {
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": listId,
    });

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function announce(message) {
      // Cleared first, so the same message is read again.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (active >= 0 && options[active]) {
        options[active].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[active].id);
        options[active].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function go(option) {
      var url = option && option.getAttribute("data-url");
      // Only addresses of our sites: relative, or http(s).
      if (url && /^(\/(?!\/)|https?:\/\/)/.test(url)) {
        window.location.assign(url);
      }
    }

    function render(results) {
      list.textContent = "";
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results.forEach(function (result, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "search-suggest__option";
        set(option, { role: "option", "aria-selected": "false", "data-url": result.url || "" });
        option.textContent = result.title || "";
        list.appendChild(option);
        options.push(option);
      });
      if (options.length) {
        open();
        var template = form.getAttribute("data-suggest-count") || "%(count)s";
        announce(template.replace("%(count)s", String(options.length)));
      } else {
        close();
      }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) {
        return;
      }
      lastQuery = query;
      if (controller) {
        controller.abort();
      }
      if (query.length < MIN_LENGTH) {
        render([]);
        return;
      }
      controller = new AbortController();
      fetch(endpoint + "?q=" + encodeURIComponent(query), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: controller.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (query === input.value.trim()) {
            render((data && data.results) || []);
          }
        })
        .catch(function () {
          // No suggestions; the form still searches.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      switch (event.key) {
        case "ArrowDown":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
            if (!event.altKey) {
              setActive(0);
            }
          } else {
            setActive(active + 1 < options.length ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!options.length) {
            return;
          }
          event.preventDefault();
          if (!expanded) {
            open();
          }
          setActive(active > 0 ? active - 1 : options.length - 1);
          break;
        case "Enter":
          if (expanded && active >= 0) {
            event.preventDefault();
            go(options[active]);
          }
          break;
        case "Escape":
          if (expanded) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastQuery = "";
            render([]);
          }
          break;
        case "Tab":
          close();
      }
    });

    input.addEventListener("blur", close);

    input.addEventListener("focus", function () {
      if (options.length && input.value.trim() === lastQuery) {
        open();
      }
    });

    // Keep the focus in the box while an option is clicked.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });

    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role='option']");
      if (option) {
        go(option);
      }
    });
  }

  // Loaded with defer: the document is parsed.
  document.querySelectorAll("form[data-search-suggest]").forEach(setUp);
})();
