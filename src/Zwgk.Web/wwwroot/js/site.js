// Progressive enhancement for the portal. Every feature works without this file (links and forms do the real work).
(function () {
    "use strict";

    // 字号 大/中/小: switch the body text size in place instead of reloading (?fs= links remain the fallback).
    var body = document.getElementById("doc-body");
    var sizeLinks = document.querySelectorAll("a[data-fs]");
    if (body && sizeLinks.length) {
        sizeLinks.forEach(function (link) {
            link.addEventListener("click", function (e) {
                e.preventDefault();
                var fs = link.getAttribute("data-fs");
                body.classList.remove("fs-l", "fs-m", "fs-s");
                body.classList.add("fs-" + fs);
                sizeLinks.forEach(function (other) {
                    if (other === link) other.setAttribute("aria-current", "true");
                    else other.removeAttribute("aria-current");
                });
                if (window.history && window.history.replaceState) {
                    var url = new URL(window.location.href);
                    if (fs === "m") url.searchParams.delete("fs"); else url.searchParams.set("fs", fs);
                    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
                }
            });
        });
    }

    // Print view: reveal the 打印本页 button only when it can work.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();
