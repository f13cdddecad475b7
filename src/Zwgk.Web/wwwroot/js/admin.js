// Progressive enhancement for the back office. Every form works without this file.
(function () {
    "use strict";

    // Relation target picker: search visible documents by title, 发文字号 or 索引号 and fill the id field.
    document.querySelectorAll("[data-doc-picker]").forEach(function (picker) {
        var input = picker.querySelector("input[type=search]");
        var list = picker.querySelector("[role=listbox]");
        var chosen = picker.querySelector(".picker-chosen");
        var target = document.getElementById(picker.getAttribute("data-target"));
        var exclude = picker.getAttribute("data-exclude");
        if (!input || !list || !target) return;
        picker.hidden = false;
        // The picker replaces typing an id; the id field stays in the form (hidden) and is what gets posted.
        var idRow = target.closest(".form-row");
        if (idRow) idRow.hidden = true;
        var items = [], active = -1, timer = 0, seq = 0;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            var options = list.querySelectorAll("li");
            options.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
            active = index;
            if (index >= 0 && options[index]) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            }
        }

        function choose(index) {
            var item = items[index];
            if (!item) return;
            target.value = item.id;
            chosen.textContent = "已选择：" + item.title + (item.documentNumber ? "（" + item.documentNumber + "）" : "") + "，编号 " + item.id;
            input.value = item.title;
            close();
        }

        function render() {
            list.textContent = "";
            if (!items.length) {
                var empty = document.createElement("li");
                empty.textContent = "没有找到可关联的文件";
                empty.setAttribute("aria-disabled", "true");
                list.appendChild(empty);
            }
            items.forEach(function (item, i) {
                var li = document.createElement("li");
                li.id = "picker-option-" + i;
                li.setAttribute("role", "option");
                li.setAttribute("aria-selected", "false");
                li.textContent = item.title;
                var meta = document.createElement("span");
                meta.className = "meta";
                meta.textContent = [item.documentNumber, item.indexNumber, item.unit, item.status, "编号 " + item.id].filter(Boolean).join(" · ");
                li.appendChild(meta);
                li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
                list.appendChild(li);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
            active = -1;
        }

        function search() {
            var q = input.value.trim();
            if (!q) { items = []; close(); return; }
            var mine = ++seq;
            var url = "/api/v1/admin/documents/lookup?q=" + encodeURIComponent(q) + (exclude ? "&exclude=" + encodeURIComponent(exclude) : "");
            fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
                .then(function (r) { return r.ok ? r.json() : []; })
                .then(function (data) { if (mine === seq) { items = data; render(); } })
                .catch(function () { if (mine === seq) { items = []; close(); } });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(search, 250);
        });
        input.addEventListener("keydown", function (e) {
            if (list.hidden || !items.length) return;
            if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
            else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
            else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
            else if (e.key === "Escape") { close(); }
        });
        input.addEventListener("blur", close);
    });
})();
