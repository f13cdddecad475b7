// Live Q&A of an online interview: while the interview is live, ask the feed for answers after the last one shown,
// every few seconds, and append them. Text is inserted as text, never as HTML. Without this script the page still
// shows every answer published when it was loaded.
(function () {
  'use strict';
  var list = document.getElementById('qa-list');
  if (!list || list.getAttribute('data-live') !== 'true') return;
  var feed = list.getAttribute('data-feed');
  var last = parseInt(list.getAttribute('data-last') || '0', 10) || 0;
  var empty = document.getElementById('qa-empty');
  var phase = document.getElementById('ft-phase');
  var note = document.getElementById('qa-live-note');
  var delay = 5000;
  var busy = false;

  function para(cls, who, text, time) {
    var p = document.createElement('p');
    p.className = cls;
    var w = document.createElement('span');
    w.className = 'qa-who';
    w.textContent = who;
    p.appendChild(w);
    p.appendChild(document.createTextNode(text + ' '));
    var t = document.createElement('span');
    t.className = 'qa-time';
    t.textContent = time;
    p.appendChild(t);
    return p;
  }

  function add(item) {
    if (item.seq <= last) return;
    var li = document.createElement('li');
    li.className = 'qa-item qa-new';
    li.setAttribute('data-seq', String(item.seq));
    li.appendChild(para('qa-q', item.asker + ' 问：', item.question, item.askedAt));
    li.appendChild(para('qa-a', item.guest + ' 答：', item.answer, item.answeredAt));
    list.appendChild(li);
    last = item.seq;
    if (empty) empty.hidden = true;
  }

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(feed + '?after=' + last, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) return;
        (data.items || []).forEach(add);
        if (phase && data.phase) phase.textContent = data.phase;
        if (!data.live) {
          window.clearInterval(timer);
          if (note) note.textContent = '访谈已结束。';
        }
      })
      .catch(function () { /* network hiccup: try again at the next tick */ })
      .then(function () { busy = false; });
  }

  var timer = window.setInterval(poll, delay);
})();
