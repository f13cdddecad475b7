// Suggestions as you type for every search box that submits to /search (the header box, the home page banner and the
// search page). ARIA 1.2 combobox: the input keeps focus, ↑/↓ move through a listbox popup, Enter opens the active
// option, Esc closes it. Without this file the boxes are plain GET forms and lose nothing but the suggestions.
(function () {
    "use strict";
    if (!window.fetch || !document.querySelectorAll || !("content" in document.createElement("template"))) return;

    var DELAY = 150;
    var MAX_TITLES = 5;
    var instances = 0;

    // titleHtml is HTML-encoded by the server with <em> highlight marks; copy only text and <em> (defence in depth).
    function appendMarked(target, html) {
        var tpl = document.createElement("template");
        tpl.innerHTML = html;
        (function copy(from, to) {
            Array.prototype.forEach.call(from.childNodes, function (node) {
                if (node.nodeType === 3) {
                    to.appendChild(document.createTextNode(node.nodeValue));
                } else if (node.nodeType === 1) {
                    if (node.tagName === "EM") {
                        var em = document.createElement("em");
                        copy(node, em);
                        to.appendChild(em);
                    } else {
                        copy(node, to);
                    }
                }
            });
        })(tpl.content, target);
    }

    function enhance(input) {
        var form = input.form;
        var host = input.parentElement;
        if (!form || !host || input.getAttribute("role") === "combobox") return;
        var n = ++instances;
        var listId = "suggest-" + n;

        var list = document.createElement("div");
        list.id = listId;
        list.className = "suggest-list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "搜索建议");
        list.hidden = true;
        var status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        host.classList.add("suggest-host");
        host.appendChild(list);
        host.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("autocomplete", "off");

        var timer = 0;
        var controller = null;
        var options = [];
        var active = -1;
        var shownFor = null;

        function isOpen() { return !list.hidden; }

        function open() {
            if (!options.length) return;
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            setActive(-1);
        }

        function setActive(index) {
            if (active >= 0 && options[active]) {
                options[active].classList.remove("is-active");
                options[active].setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                var option = options[active];
                option.classList.add("is-active");
                option.setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", option.id);
                if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function addOption(group, href, kind, fill) {
            var option = document.createElement("a");
            option.id = listId + "-" + options.length;
            option.className = "suggest-option " + kind + "-option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("tabindex", "-1");
            option.href = href;
            fill(option);
            group.appendChild(option);
            options.push(option);
            return option;
        }

        function addGroup(label, heading) {
            var group = document.createElement("div");
            group.className = "suggest-group";
            group.setAttribute("role", "group");
            group.setAttribute("aria-label", label);
            if (heading) {
                var h = document.createElement("div");
                h.className = "suggest-heading";
                h.setAttribute("aria-hidden", "true");
                h.textContent = heading;
                group.appendChild(h);
            }
            list.appendChild(group);
            return group;
        }

        function render(query, data) {
            setActive(-1);
            list.textContent = "";
            options = [];
            shownFor = query;
            var words = (data.suggestions || []).filter(function (s) { return s && s.text; });
            var titles = (data.titles || []).slice(0, MAX_TITLES);
            if (words.length) {
                var g = addGroup("搜索词建议");
                words.forEach(function (s) {
                    var option = addOption(g, "/search?q=" + encodeURIComponent(s.text), "word", function (el) { el.textContent = s.text; });
                    option.setAttribute("data-text", s.text);
                });
            }
            if (titles.length) {
                var t = addGroup("相关文件", "相关文件");
                titles.forEach(function (item) {
                    addOption(t, item.url, "title", function (el) {
                        if (item.titleHtml) appendMarked(el, item.titleHtml); else el.textContent = item.title;
                        el.setAttribute("title", item.title);
                    });
                });
            }
            if (!options.length) {
                close();
                status.textContent = "";
                return;
            }
            open();
            status.textContent = "有 " + options.length + " 条建议，可用上下方向键选择";
        }

        function load() {
            var query = input.value.trim();
            if (!query) {
                if (controller) controller.abort();
                controller = null;
                options = [];
                shownFor = null;
                close();
                return;
            }
            if (query === shownFor) { open(); return; }
            if (controller) controller.abort();
            var mine = window.AbortController ? new AbortController() : null;
            controller = mine;
            fetch("/api/v1/search/suggest?q=" + encodeURIComponent(query), {
                headers: { Accept: "application/json" },
                credentials: "same-origin",
                signal: mine ? mine.signal : undefined
            }).then(function (resp) {
                return resp.ok ? resp.json() : null;
            }).then(function (data) {
                // A newer request replaced this one, or the text changed meanwhile: drop the stale answer.
                if (controller !== mine || !data || input.value.trim() !== query) return;
                controller = null;
                if (document.activeElement === input) render(query, data);
            }).catch(function () { /* aborted or offline: the form still works */ });
        }

        function schedule() {
            window.clearTimeout(timer);
            timer = window.setTimeout(load, DELAY);
        }

        function choose(option) {
            var text = option.getAttribute("data-text");
            close();
            if (text !== null) {
                // A search word: search for it through the form (keeps the page's sort choice).
                input.value = text;
                if (form.requestSubmit) form.requestSubmit(); else form.submit();
            } else {
                window.location.assign(option.href);
            }
        }

        input.addEventListener("input", function (e) {
            if (e.isComposing) return; // wait for the IME to finish composing a character
            schedule();
        });
        input.addEventListener("compositionend", schedule);
        input.addEventListener("focus", function () {
            if (options.length && input.value.trim() === shownFor) open();
        });
        input.addEventListener("blur", function () {
            window.clearTimeout(timer);
            close();
        });
        input.addEventListener("keydown", function (e) {
            if (e.isComposing) return;
            switch (e.key) {
                case "ArrowDown":
                case "Down":
                    e.preventDefault();
                    if (!isOpen()) {
                        if (options.length && input.value.trim() === shownFor) open(); else { load(); return; }
                    }
                    setActive(active + 1 >= options.length ? 0 : active + 1);
                    break;
                case "ArrowUp":
                case "Up":
                    if (!isOpen()) return;
                    e.preventDefault();
                    setActive(active <= 0 ? options.length - 1 : active - 1);
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        e.preventDefault();
                        choose(options[active]);
                    } else {
                        close();
                    }
                    break;
                case "Escape":
                case "Esc":
                    if (isOpen()) {
                        e.preventDefault();
                        close();
                    }
                    break;
                case "Tab":
                    close();
                    break;
            }
        });
        // Keep focus in the input while the mouse picks an option; the option is a real link and navigates itself.
        list.addEventListener("mousedown", function (e) { e.preventDefault(); });
        list.addEventListener("click", function (e) {
            var option = e.target.closest ? e.target.closest("[role=option]") : null;
            if (!option || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            choose(option);
        });
        form.addEventListener("submit", close);
    }

    document.querySelectorAll('form[action="/search"] input[name="q"]').forEach(enhance);

    // Search page on a phone: fold the facet column (stacked above the results) so the results come first.
    var facets = document.querySelector("details.facet-panel.fold-narrow");
    if (facets && window.matchMedia && window.matchMedia("(max-width: 900px)").matches) facets.open = false;
})();
