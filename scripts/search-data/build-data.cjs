// Builds the gzipped tables of Zwgk.Search.Text from jieba, go-pinyin, pinyin-pro and OpenCC. Called by build.sh.
// Output is deterministic for the same inputs and pinyin-pro version: fixed orders (sorted, or jieba's own order for
// word readings), "\n" line ends, gzip without file name or timestamp.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
for (const k of ['jieba', 'go-pinyin', 'ts-chars', 'ts-phrases', 'pinyin-pro', 'out']) {
  if (!args[k]) throw new Error(`missing --${k}`);
}
const { pinyin } = require(path.join(args['pinyin-pro'], 'pinyin-pro'));

function write(name, lines) {
  const text = lines.length ? lines.join('\n') + '\n' : '';
  const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  fs.writeFileSync(path.join(args.out, name), gz);
  console.log(`${name}: ${lines.length} lines, ${gz.length} bytes`);
}

// Tone-less lowercase pinyin, ü written v (lǚ → lv, lüè → lve, ê → e).
function toneless(r) {
  return r.normalize('NFD').toLowerCase().replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '').trim();
}
const SYL = /^[a-z]+$/;

// Reading of one item as pinyin-pro gives it in context; null when it does not know a character.
function ppReadings(text) {
  const r = pinyin(text, { toneType: 'none', type: 'array', v: true });
  return r.every(s => SYL.test(s)) ? r : null;
}

// --- jieba: "word freq pos" → "word freq". Keep every line (even the one duplicate, "B超") so that the
// C# loader computes exactly the same total frequency as Python jieba.
// Sorted by UTF-16 code units (stable, so the duplicate keeps its order) so the C# loader can skip sorting.
const jiebaEntries = [];
for (const line of fs.readFileSync(args.jieba, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [w, f] = line.trim().split(' ');
  if (!/^\d+$/.test(f)) throw new Error(`bad jieba line: ${line}`);
  jiebaEntries.push([w, f]);
}
const jiebaWords = jiebaEntries.map(e => e[0]);
const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
write('jieba-dict.txt.gz', [...jiebaEntries].sort((a, b) => byCodeUnits(a[0], b[0])).map(([w, f]) => `${w} ${f}`));

// --- Characters: go-pinyin readings, tones removed, deduplicated; pinyin-pro's reading of the lone character first
// (go-pinyin's order is not frequency order: 长 zhǎng,cháng). When go-pinyin lacks pinyin-pro's reading (about 300
// mostly rare characters, where pinyin-pro is often the one that is off, e.g. 侊 gong) it is only appended.
const goSrc = fs.readFileSync(args['go-pinyin'], 'utf8');
const charReadings = new Map(); // code point → [readings]
let reordered = 0, added = 0;
for (const m of goSrc.matchAll(/0x([0-9A-Fa-f]+): "([^"]*)"/g)) {
  const cp = parseInt(m[1], 16);
  const list = [];
  for (const r of m[2].split(',')) {
    const t = toneless(r);
    if (!SYL.test(t)) throw new Error(`odd reading ${r} for U+${m[1]}`);
    if (!list.includes(t)) list.push(t);
  }
  if (!list.length) continue;
  const pp = ppReadings(String.fromCodePoint(cp));
  if (pp && pp.length === 1 && pp[0] !== list[0]) {
    const i = list.indexOf(pp[0]);
    if (i >= 0) { list.splice(i, 1); list.unshift(pp[0]); reordered++; } else { list.push(pp[0]); added++; }
  }
  charReadings.set(cp, list);
}
const cps = [...charReadings.keys()].sort((a, b) => a - b);
write('pinyin-chars.txt.gz', cps.map(cp => `${String.fromCodePoint(cp)}\t${charReadings.get(cp).join(',')}`));
console.log(`  chars: ${reordered} reordered by pinyin-pro, ${added} got pinyin-pro's reading appended`);

// --- Word readings in context: jieba words with a polyphonic character whose pinyin-pro reading differs from
// the per-character defaults. Single-character words need an entry only when curated below.
const wordLines = [];
const seen = new Set();
let notInTable = 0;
for (const w of jiebaWords) {
  if (seen.has(w)) continue;
  seen.add(w);
  const chars = Array.from(w);
  if (chars.length < 2) continue;
  const lists = chars.map(c => charReadings.get(c.codePointAt(0)));
  if (lists.some(l => !l)) continue; // not all Han (e.g. "T恤"); the segmenter never sees such words
  if (!lists.some(l => l.length > 1)) continue;
  const pp = ppReadings(w);
  if (!pp || pp.length !== chars.length) continue;
  if (pp.every((r, i) => r === lists[i][0])) continue;
  if (pp.some((r, i) => !lists[i].includes(r))) notInTable++;
  wordLines.push(`${w}\t${pp.join(' ')}`);
}
// Curated: a standalone 了 is almost always the particle "le", but pinyin-pro reads the lone character as "liao".
// Readings pinyin-pro gets wrong in words of the seeds (还 huán "give back", 校 jiào "proofread"), found by the
// seed-vocabulary pinyin test's review (issue 9 §6).
const curated = [['了', 'le'],
  ['还本付息', 'huan ben fu xi'], ['还本', 'huan ben'], ['还款', 'huan kuan'], ['还贷', 'huan dai'],
  ['三校', 'san jiao'], ['编校', 'bian jiao'], ['审校', 'shen jiao'], ['三审三校', 'san shen san jiao']];
for (const [w, r] of curated) wordLines.push(`${w}\t${r}`);
write('pinyin-words.txt.gz', wordLines);
console.log(`  words: ${notInTable} use a reading missing from the character table`);

// --- OpenCC traditional → simplified; keep only the first target of each entry.
function opencc(file, name) {
  const lines = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    const [src, targets] = line.split('\t');
    lines.push(`${src}\t${targets.split(' ')[0]}`);
  }
  lines.sort(byCodeUnits);
  write(name, lines);
}
opencc(args['ts-chars'], 't2s-chars.txt.gz');
opencc(args['ts-phrases'], 't2s-phrases.txt.gz');
