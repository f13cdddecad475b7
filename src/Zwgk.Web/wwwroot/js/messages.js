// 我要写信: show the page-URL field only for 找错. Without JavaScript the field stays as the server rendered it.
(function () {
    var sel = document.getElementById('f-type');
    var box = document.querySelector('[data-for-type]');
    if (!sel || !box) return;
    function sync() { box.hidden = sel.value !== box.getAttribute('data-for-type'); }
    sel.addEventListener('change', sync);
})();
