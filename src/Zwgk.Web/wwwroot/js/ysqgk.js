// 依申请公开 forms: progressive enhancement only. Without this file every field is shown and the server does all checks.
(function () {
    "use strict";

    // Error summary: move focus there so screen readers and keyboard users start at what needs fixing.
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();

    // Applicant type: organisation-only fields appear for 法人或其他组织; the name label and its autocomplete follow;
    // the document type switches between 居民身份证 and 统一社会信用代码 when it still has the other default.
    var kinds = document.querySelectorAll("input[data-kind]");
    var orgBlocks = document.querySelectorAll("[data-org-only]");
    var nameLabel = document.getElementById("l-ApplicantName");
    var nameInput = document.getElementById("f-ApplicantName");
    var idType = document.getElementById("f-IdType");
    function isOrg() {
        for (var i = 0; i < kinds.length; i++) if (kinds[i].checked) return kinds[i].value === "org";
        return false;
    }
    function apply(changed) {
        var org = isOrg();
        orgBlocks.forEach(function (b) { b.hidden = !org; });
        if (nameLabel && nameLabel.firstChild && nameLabel.firstChild.nodeType === 3) {
            nameLabel.firstChild.nodeValue = org ? "名称" : "姓名";
        }
        if (nameInput) nameInput.setAttribute("autocomplete", org ? "organization" : "name");
        if (changed && idType) {
            if (org && idType.value === "居民身份证") idType.value = "统一社会信用代码";
            else if (!org && idType.value === "统一社会信用代码") idType.value = "居民身份证";
        }
    }
    if (kinds.length) {
        kinds.forEach(function (k) { k.addEventListener("change", function () { apply(true); }); });
        apply(false);
    }

    // 复制查询码 on the receipt page.
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        var source = document.getElementById(button.getAttribute("data-copy"));
        var status = document.querySelector(".copy-status");
        if (!source || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                if (status) status.textContent = "已复制查询码，请粘贴保存到安全的地方";
            }, function () {
                if (status) status.textContent = "无法自动复制，请手动抄写查询码";
            });
        });
    });
})();
