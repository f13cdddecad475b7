// Bundle entry: exposes the parts of Tiptap the admin editor (wwwroot/js/editor.js) uses as window.ZwgkTiptap.
// Built by build.sh; only the minified output is committed under wwwroot/lib/tiptap.
import { Editor, mergeAttributes } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Table, TableRow, TableCell, TableHeader } from '@tiptap/extension-table';
import Image from '@tiptap/extension-image';

window.ZwgkTiptap = { Editor, mergeAttributes, StarterKit, Table, TableRow, TableCell, TableHeader, Image };
