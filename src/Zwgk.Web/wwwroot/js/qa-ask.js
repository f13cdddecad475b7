// 政策咨询 · 我要提问: while the citizen types, ask the match API (debounced) and show the suggested answers; the yes/no
// buttons answer in place; the ask form gets the question, the shown ids and the best suggestion's unit (until the citizen
// picks a unit). Text is inserted as text, never as HTML. Without this script the GET form renders the same suggestions.
(function () {
  'use strict';
  var box = document.getElementById('ask-q');
  var list = document.getElementById('qa-suggestions');
  var results = document.getElementById('qa-results');
  if (!box || !list || !results || !window.fetch) return;
  var api = box.getAttribute('data-api');
  var title = document.getElementById('f-title');
  var content = document.getElementById('f-content');
  var unit = document.getElementById('f-unit');
  var shown = document.getElementById('f-shown');
  var titleTouched = !!(title && title.value && title.value !== box.value);
  var contentTouched = !!(content && content.value && content.value !== box.value);
  var unitTouched = false;
  var timer = 0, seq = 0, lastAsked = box.value.trim();

  if (title) title.addEventListener('input', function () { titleTouched = true; });
  if (content) content.addEventListener('input', function () { contentTouched = true; });
  if (unit) unit.addEventListener('change', function () { unitTouched = true; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function excerpt(s) {
    s = s.replace(/\s+/g, ' ');
    return s.length <= 120 ? s : s.slice(0, 120) + '…';
  }

  function helpful(item) {
    var g = el('div', 'qa-helpful');
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', '这是否解决了您的问题？');
    g.appendChild(el('span', null, '这是否解决了您的问题？'));
    var yes = el('a', 'button small qa-yes', '是，已解决');
    yes.href = '/zcwd/ask?solved=' + item.id;
    var no = el('a', 'button small secondary qa-no', '否，我要提问');
    no.href = '#ask-form';
    g.appendChild(yes);
    g.appendChild(no);
    return g;
  }

  function render(items) {
    while (list.firstChild) list.removeChild(list.firstChild);
    results.hidden = false;
    if (!items.length) {
      list.appendChild(el('p', 'qa-none', '没有找到相近的问答。您可以换个说法再试，或在下方直接提问。'));
    } else {
      var ol = el('ol', 'qa-suggestion-list');
      items.forEach(function (item) {
        var li = el('li', 'qa-suggestion' + (item.score >= 0.55 ? ' good' : ''));
        li.setAttribute('data-id', String(item.id));
        var h = el('h3', 'qa-q');
        var a = el('a', null, item.question);
        a.href = '/zcwd/' + item.id;
        h.appendChild(a);
        li.appendChild(h);
        var p = el('p', 'qa-a', excerpt(item.answer) + ' ');
        var more = el('a', 'qa-more', '查看全文');
        more.href = '/zcwd/' + item.id;
        p.appendChild(more);
        li.appendChild(p);
        var meta = el('p', 'qa-meta');
        if (item.unit) meta.appendChild(el('span', null, '答复单位：' + item.unit));
        if (item.basis) meta.appendChild(el('span', null, '政策依据：' + item.basis));
        li.appendChild(meta);
        li.appendChild(helpful(item));
        ol.appendChild(li);
      });
      list.appendChild(ol);
    }
    if (shown) shown.value = items.map(function (i) { return i.id; }).join(',');
    if (unit && !unitTouched) {
      var best = items.length ? items[0].unit : null;
      var pick = '';
      for (var k = 0; k < unit.options.length; k++) {
        if (best && unit.options[k].getAttribute('data-name') === best) { pick = unit.options[k].value; break; }
      }
      unit.value = pick;
    }
  }

  function copyQuestion() {
    var q = box.value.trim();
    if (title && !titleTouched) title.value = q.length <= parseInt(title.getAttribute('maxlength') || '100', 10) ? q : '';
    if (content && !contentTouched) content.value = q;
  }

  // fromButton: if the API cannot answer (too many requests, network), the 查找答案 form is sent the ordinary way.
  function ask(fromButton) {
    var q = box.value.trim();
    copyQuestion();
    if (q.length < 2 || q === lastAsked) return;
    lastAsked = q;
    var mine = ++seq;
    function fallback() { if (fromButton) searchForm.submit(); }
    fetch(api + '?top=5&q=' + encodeURIComponent(q), { headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && mine === seq) render(data.items || []); else if (!data) fallback(); })
      .catch(fallback);
  }

  var searchForm = document.getElementById('qa-search-form');

  box.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { ask(false); }, 500);
  });

  searchForm.addEventListener('submit', function (e) {
    e.preventDefault();
    window.clearTimeout(timer);
    lastAsked = '';
    ask(true);
  });

  list.addEventListener('click', function (e) {
    var t = e.target;
    if (!(t instanceof Element)) return;
    var group = t.closest('.qa-helpful');
    if (!group) return;
    if (t.classList.contains('qa-yes')) {
      e.preventDefault();
      while (group.firstChild) group.removeChild(group.firstChild);
      var done = el('span', 'qa-answered', '感谢您的反馈！');
      done.setAttribute('role', 'status');
      group.appendChild(done);
    } else if (t.classList.contains('qa-no')) {
      e.preventDefault();
      var form = document.getElementById('ask-form');
      if (form) form.scrollIntoView({ behavior: 'smooth', block: 'start' });
      if (title) title.focus({ preventScroll: true });
    }
  });
})();
