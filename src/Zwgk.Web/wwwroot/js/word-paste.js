// Cleans HTML pasted from Word or WPS before the editor parses it: Word's numbered paragraphs become real lists, bold
// spans become <strong>, and styles, classes, fonts, mso-* properties, <o:p> and conditional comments are dropped.
// Works on an inert document from DOMParser. Chromium checks even that document's inline styles against the page's CSP,
// so <style> blocks are cut and style attributes renamed (data-word-style) before parsing: no violation is reported.
(function (global) {
    'use strict';

    var KEEP_ATTRS = { a: ['href', 'title'], img: ['src', 'alt', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'], ol: ['start'] };
    var DROP_WITH_CONTENT = ['style', 'script', 'meta', 'link', 'title', 'xml', 'template', 'object', 'embed', 'iframe'];
    var UNWRAP = ['font', 'span', 'div', 'section', 'article', 'header', 'footer', 'center', 'ins', 'small', 'big'];
    // A Word list marker: "1." "1)" "（1）" "一、" "a." "i." ("·", "", "o", "§" are bullets).
    var ORDERED_MARKER = /^[（(]?([0-9０-９]+|[一二三四五六七八九十]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.．、)）]?[)）]?$/;

    function styleOf(el) { return (el.getAttribute && el.getAttribute('data-word-style')) || ''; }

    function neutralise(html) {
        return html
            .replace(/<style[\s\S]*?<\/style\s*>/gi, '')
            .replace(/(<[a-zA-Z][^>]*?\s)style(\s*=)/g, '$1data-word-style$2');
    }

    function listInfo(p) {
        var style = styleOf(p);
        var m = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
        if (m) return { list: m[1], level: parseInt(m[2], 10) };
        if (/^MsoListParagraph/i.test(p.className || '')) return { list: 'l?', level: 1 };
        return null;
    }

    // The marker is either a span styled mso-list:Ignore or the text before the first run of spaces.
    function takeMarker(p) {
        var ignore = Array.prototype.find.call(p.querySelectorAll('span'), function (s) { return /mso-list:\s*Ignore/i.test(styleOf(s)); });
        var text;
        if (ignore) {
            text = ignore.textContent;
            ignore.remove();
        } else {
            var first = p.firstChild;
            while (first && first.nodeType === 1 && first.firstChild) first = first.firstChild;
            if (!first || first.nodeType !== 3) return '';
            var m = /^\s*(\S{1,6}?)[\s\u00a0]+/.exec(first.nodeValue);
            if (!m) return '';
            text = m[1];
            first.nodeValue = first.nodeValue.slice(m[0].length);
        }
        return (text || '').replace(/[\s\u00a0]+/g, '');
    }

    // Consecutive list paragraphs under one parent become one (nested) list; anything else in between ends it.
    function convertWordLists(doc) {
        var parents = [];
        Array.prototype.forEach.call(doc.body.querySelectorAll('p'), function (p) {
            if (listInfo(p) && parents.indexOf(p.parentNode) < 0) parents.push(p.parentNode);
        });
        parents.forEach(function (parent) {
            var stack = [];
            Array.prototype.slice.call(parent.childNodes).forEach(function (node) {
                if (node.nodeType === 8 || (node.nodeType === 3 && !node.nodeValue.replace(/[\s\u00a0]+/g, ''))) return;
                var info = node.nodeType === 1 && node.tagName === 'P' ? listInfo(node) : null;
                if (!info) { stack = []; return; }
                var ordered = ORDERED_MARKER.test(takeMarker(node));
                while (stack.length > info.level) stack.pop();
                while (stack.length < info.level) {
                    var list = doc.createElement(ordered ? 'ol' : 'ul');
                    if (stack.length === 0) parent.insertBefore(list, node);
                    else {
                        var outer = stack[stack.length - 1];
                        (outer.lastElementChild || outer.appendChild(doc.createElement('li'))).appendChild(list);
                    }
                    stack.push(list);
                }
                var li = doc.createElement('li');
                var para = doc.createElement('p');
                while (node.firstChild) para.appendChild(node.firstChild);
                li.appendChild(para);
                stack[stack.length - 1].appendChild(li);
                node.remove();
            });
        });
    }

    function convertBoldSpans(doc) {
        Array.prototype.forEach.call(doc.body.querySelectorAll('span,font'), function (s) {
            var st = styleOf(s);
            if (/font-weight:\s*(bold|bolder|[6-9]00)/i.test(st)) {
                var strong = doc.createElement('strong');
                while (s.firstChild) strong.appendChild(s.firstChild);
                s.appendChild(strong);
            }
            if (/font-style:\s*italic/i.test(st)) {
                var em = doc.createElement('em');
                while (s.firstChild) em.appendChild(s.firstChild);
                s.appendChild(em);
            }
        });
    }

    // A first row that Word marks as a repeated header, or whose cells are all bold, becomes header cells.
    function markHeaderRows(doc) {
        Array.prototype.forEach.call(doc.body.querySelectorAll('table'), function (table) {
            var rows = table.querySelectorAll('tr');
            if (rows.length < 2) return;
            var first = rows[0];
            var cells = Array.prototype.filter.call(first.children, function (c) { return /^(TD|TH)$/.test(c.tagName); });
            if (cells.length === 0) return;
            var inHead = first.parentElement && first.parentElement.tagName === 'THEAD';
            var repeat = /mso-yfti-firstrow:\s*yes/i.test(styleOf(first)) && /mso-yfti-irow:\s*0/i.test(styleOf(first)) && Array.prototype.some.call(table.querySelectorAll('tr'), function (r) { return /mso-yfti-irow/i.test(styleOf(r)); }) && cells.every(isBold);
            if (!(inHead || repeat || cells.every(isBold))) return;
            cells.forEach(function (c) {
                if (c.tagName === 'TH') return;
                var th = doc.createElement('th');
                Array.prototype.forEach.call(c.attributes, function (a) { th.setAttribute(a.name, a.value); });
                while (c.firstChild) th.appendChild(c.firstChild);
                c.parentNode.replaceChild(th, c);
            });
        });
    }

    function isBold(cell) {
        var text = cell.textContent.replace(/[\s\u00a0]+/g, '');
        if (!text) return true;
        var bold = '';
        Array.prototype.forEach.call(cell.querySelectorAll('b,strong'), function (b) { bold += b.textContent; });
        return bold.replace(/[\s\u00a0]+/g, '').length >= text.length;
    }

    function strip(node) {
        var children = Array.prototype.slice.call(node.childNodes);
        children.forEach(function (child) {
            if (child.nodeType === 8) { child.remove(); return; }
            if (child.nodeType !== 1) return;
            var tag = child.tagName.toLowerCase();
            if (tag.indexOf(':') >= 0 || DROP_WITH_CONTENT.indexOf(tag) >= 0) { child.remove(); return; }
            strip(child);
            if (tag === 'img') {
                // Word puts local file paths (file:///…/clip_image001.png) that no reader can open.
                var src = child.getAttribute('src') || '';
                if (!/^(https?:|\/)/i.test(src)) { child.remove(); return; }
            }
            var keep = KEEP_ATTRS[tag] || [];
            Array.prototype.slice.call(child.attributes).forEach(function (a) {
                if (keep.indexOf(a.name.toLowerCase()) < 0) child.removeAttribute(a.name);
            });
            if (UNWRAP.indexOf(tag) >= 0) {
                while (child.firstChild) node.insertBefore(child.firstChild, child);
                child.remove();
            }
        });
    }

    function clean(html) {
        if (!/<[a-z]/i.test(html)) return html;
        var doc = new DOMParser().parseFromString(neutralise(html), 'text/html');
        convertBoldSpans(doc);
        convertWordLists(doc);
        markHeaderRows(doc);
        strip(doc.body);
        // Word ends cells and paragraphs with &nbsp; runs that only held <o:p>.
        Array.prototype.forEach.call(doc.body.querySelectorAll('p'), function (p) {
            if (!p.textContent.replace(/[\s\u00a0]+/g, '') && !p.querySelector('img') && !p.closest('td,th')) p.remove();
        });
        return doc.body.innerHTML;
    }

    global.ZwgkWordPaste = { clean: clean };
})(window);
