// Rich-text editor for a document's 正文 (Tiptap, vendored in /lib/tiptap). Progressive enhancement: the form posts the
// <textarea data-rich-editor>, which this script hides and keeps in sync; without JavaScript staff edit the HTML there.
// Nothing here writes style attributes or <style> elements, so the page's CSP (style-src 'self') holds.
(function () {
    'use strict';
    var T = window.ZwgkTiptap;
    if (!T) return;

    // Alignment would be stored as style="text-align" (refused by the sanitiser and the CSP): cells keep only spans.
    function withoutAlign(base) {
        return base.extend({
            addAttributes: function () {
                var attrs = this.parent ? this.parent() : {};
                delete attrs.align;
                return attrs;
            }
        });
    }
    // The stock table writes a <colgroup> and a min-width style; documents need neither.
    var Table = T.Table.extend({
        renderHTML: function (props) {
            var attrs = Object.assign({}, props.HTMLAttributes);
            delete attrs.style;
            return ['table', attrs, ['tbody', 0]];
        }
    }).configure({ resizable: false, View: null });

    function button(label, title, run, isActive) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'rte-btn';
        b.textContent = label;
        b.title = title;
        b.setAttribute('aria-label', title);
        b.__run = run;
        b.__isActive = isActive;
        if (isActive) b.setAttribute('aria-pressed', 'false');
        return b;
    }

    function group(label, buttons) {
        var g = document.createElement('div');
        g.className = 'rte-group';
        g.setAttribute('role', 'group');
        g.setAttribute('aria-label', label);
        buttons.forEach(function (b) { g.appendChild(b); });
        return g;
    }

    function readAttachments(textarea) {
        var list = textarea.getAttribute('data-attachments') ? document.getElementById(textarea.getAttribute('data-attachments')) : null;
        if (!list) return [];
        return Array.prototype.map.call(list.querySelectorAll('[data-url]'), function (li) {
            return { url: li.getAttribute('data-url'), name: li.getAttribute('data-name'), image: li.getAttribute('data-image') === 'true' };
        });
    }

    function init(textarea) {
        var label = document.querySelector('label[for="' + textarea.id + '"]');
        var wrap = document.createElement('div');
        wrap.className = 'rte';
        var toolbar = document.createElement('div');
        toolbar.className = 'rte-toolbar';
        toolbar.setAttribute('role', 'toolbar');
        toolbar.setAttribute('aria-label', '正文编辑工具栏');
        var host = document.createElement('div');
        host.className = 'rte-host';
        var status = document.createElement('p');
        status.className = 'hint rte-status';
        status.setAttribute('role', 'status');
        wrap.appendChild(toolbar);
        wrap.appendChild(host);
        wrap.appendChild(status);
        textarea.parentNode.insertBefore(wrap, textarea);
        textarea.classList.add('rte-source');
        textarea.hidden = true;

        var editor = new T.Editor({
            element: host,
            injectCSS: false,
            content: textarea.value,
            extensions: [
                T.StarterKit.configure({
                    heading: { levels: [2, 3, 4] },
                    code: false,
                    codeBlock: false,
                    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], HTMLAttributes: { target: null, rel: null, class: null } }
                }),
                Table,
                T.TableRow,
                withoutAlign(T.TableHeader),
                withoutAlign(T.TableCell),
                T.Image.configure({ inline: false, allowBase64: false })
            ],
            editorProps: {
                attributes: {
                    class: 'rte-content article-body',
                    role: 'textbox',
                    'aria-multiline': 'true',
                    'aria-labelledby': label ? (label.id || (label.id = textarea.id + '-label')) : ''
                },
                transformPastedHTML: function (html) { return window.ZwgkWordPaste ? window.ZwgkWordPaste.clean(html) : html; }
            },
            onUpdate: function () { sync(); refresh(); },
            onSelectionUpdate: function () { refresh(); }
        });

        function sync() { textarea.value = editor.isEmpty ? '' : editor.getHTML(); }
        function chain() { return editor.chain().focus(); }

        var attachments = readAttachments(textarea);
        var buttons = [];
        function add(groupLabel, items) {
            buttons = buttons.concat(items);
            toolbar.appendChild(group(groupLabel, items));
        }
        add('段落格式', [
            button('正文', '正文段落', function () { chain().setParagraph().run(); }, function () { return editor.isActive('paragraph'); }),
            button('标题2', '二级标题', function () { chain().toggleHeading({ level: 2 }).run(); }, function () { return editor.isActive('heading', { level: 2 }); }),
            button('标题3', '三级标题', function () { chain().toggleHeading({ level: 3 }).run(); }, function () { return editor.isActive('heading', { level: 3 }); }),
            button('标题4', '四级标题', function () { chain().toggleHeading({ level: 4 }).run(); }, function () { return editor.isActive('heading', { level: 4 }); })
        ]);
        add('文字样式', [
            button('加粗', '加粗', function () { chain().toggleBold().run(); }, function () { return editor.isActive('bold'); }),
            button('倾斜', '倾斜', function () { chain().toggleItalic().run(); }, function () { return editor.isActive('italic'); }),
            button('下划线', '下划线', function () { chain().toggleUnderline().run(); }, function () { return editor.isActive('underline'); })
        ]);
        add('列表', [
            button('编号', '编号列表', function () { chain().toggleOrderedList().run(); }, function () { return editor.isActive('orderedList'); }),
            button('项目符号', '项目符号列表', function () { chain().toggleBulletList().run(); }, function () { return editor.isActive('bulletList'); }),
            button('引用', '引用', function () { chain().toggleBlockquote().run(); }, function () { return editor.isActive('blockquote'); })
        ]);
        add('表格', [
            button('插入表格', '插入3行3列表格（首行为表头）', function () { chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(); }),
            button('表头行', '切换首行为表头', function () { chain().toggleHeaderRow().run(); }),
            button('合并', '合并选中的单元格（按住Shift或拖动选择）', function () { chain().mergeCells().run(); }),
            button('拆分', '拆分单元格', function () { chain().splitCell().run(); }),
            button('+行', '在下方插入行', function () { chain().addRowAfter().run(); }),
            button('+列', '在右侧插入列', function () { chain().addColumnAfter().run(); }),
            button('-行', '删除行', function () { chain().deleteRow().run(); }),
            button('-列', '删除列', function () { chain().deleteColumn().run(); }),
            button('删表', '删除表格', function () { chain().deleteTable().run(); })
        ]);
        add('链接', [
            button('链接', '添加或修改链接', function () {
                var current = editor.getAttributes('link').href || 'https://';
                var url = window.prompt('链接地址（http://、https:// 或 mailto:）', current);
                if (url === null) return;
                url = url.trim();
                if (!url) { chain().extendMarkRange('link').unsetLink().run(); return; }
                if (!/^(https?:\/\/|mailto:|\/)/i.test(url)) { say('链接地址须以 http://、https://、mailto: 或 / 开头'); return; }
                chain().extendMarkRange('link').setLink({ href: url }).run();
            }, function () { return editor.isActive('link'); }),
            button('取消链接', '取消链接', function () { chain().unsetLink().run(); })
        ]);
        add('编辑', [
            button('撤销', '撤销', function () { chain().undo().run(); }),
            button('重做', '重做', function () { chain().redo().run(); })
        ]);

        // The document's own files: images go in as <img>, other files as a link.
        var picker = document.createElement('div');
        picker.className = 'rte-group rte-files';
        var select = document.createElement('select');
        select.id = textarea.id + '-file';
        select.setAttribute('aria-label', '插入本文件的附件或图片');
        var none = document.createElement('option');
        none.value = '';
        none.textContent = attachments.length ? '选择本文件的附件…' : '无附件（保存后在文件详情页上传）';
        select.appendChild(none);
        attachments.forEach(function (a, i) {
            var o = document.createElement('option');
            o.value = String(i);
            o.textContent = (a.image ? '图片：' : '附件：') + a.name;
            select.appendChild(o);
        });
        select.disabled = attachments.length === 0;
        var insert = button('插入', '插入所选附件', function () {
            var a = attachments[parseInt(select.value, 10)];
            if (!a) { say('请先选择附件'); return; }
            // An empty paragraph after the picture takes the cursor, so the next insertion does not replace the picture.
            if (a.image) chain().insertContent([{ type: 'image', attrs: { src: a.url, alt: a.name.replace(/\.[^.]+$/, '') } }, { type: 'paragraph' }]).run();
            else chain().insertContent([{ type: 'text', text: a.name, marks: [{ type: 'link', attrs: { href: a.url } }] }]).run();
        });
        insert.disabled = attachments.length === 0;
        picker.appendChild(select);
        picker.appendChild(insert);
        toolbar.appendChild(picker);

        var source = button('HTML', '查看或编辑HTML源码', function () {
            var showing = !textarea.hidden;
            if (showing) { editor.commands.setContent(textarea.value, { emitUpdate: true }); textarea.hidden = true; host.hidden = false; }
            else { sync(); textarea.hidden = false; host.hidden = true; textarea.focus(); }
            source.setAttribute('aria-pressed', String(!showing));
        });
        source.setAttribute('aria-pressed', 'false');
        toolbar.appendChild(group('源码', [source]));

        toolbar.addEventListener('click', function (e) {
            var b = e.target.closest('button.rte-btn');
            if (!b || !b.__run) return;
            e.preventDefault();
            b.__run();
            refresh();
        });

        function refresh() {
            buttons.forEach(function (b) {
                if (b.__isActive) b.setAttribute('aria-pressed', String(!!b.__isActive()));
            });
        }
        function say(message) { status.textContent = message; }

        textarea.form && textarea.form.addEventListener('submit', function () {
            if (textarea.hidden) sync();
        });
        sync();
        refresh();
        textarea.__editor = editor;
    }

    document.querySelectorAll('textarea[data-rich-editor]').forEach(init);
})();
