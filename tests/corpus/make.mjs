// Writes the hostile-data corpus: each case is the small valid fixture dataset
// (crates/anju-data/fuzz/seeds, the same one the validator's own tests break) broken in one
// place, or bytes that are not a dataset at all. manifest.json says what the UI must
// report for each (checked natively by crates/anju-data/tests/corpus.rs and in the
// browser by tests/e2e/hardening.spec.ts). Run: node tests/corpus/make.mjs
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const seeds = join(here, '../../crates/anju-data/fuzz/seeds');
const baseIndex = () => JSON.parse(readFileSync(join(seeds, 'index.json'), 'utf8'));
const baseShard = () => JSON.parse(readFileSync(join(seeds, 'shard.json'), 'utf8'));
const node = (f, id) => f.nodes.find((n) => n.id === id);

// Index-level cases: name → the index's text.
const index = {
  'not-json.json': () => '<!DOCTYPE html><html><body>404 Not Found</body></html>',
  'empty.json': () => '',
  'truncated.json': () => { const t = JSON.stringify(baseIndex()); return t.slice(0, t.length >> 1); },
  'array.json': () => '[]',
  'deep-nesting.json': (i) => JSON.stringify(i).replace('"disabled":2', '"disabled":' + '['.repeat(5000) + ']'.repeat(5000)),
  'wrong-format.json': (i) => { i.format = 'geojson'; },
  'schema-version.json': (i) => { i.schema_version = 7; },
  'no-metadata.json': (i) => { delete i.dataset; },
  'bad-as-of.json': (i) => { i.dataset.as_of = 'yesterday'; },
  'periods-unsorted.json': (i) => { i.periods = ['2025-06', '2025-05']; },
  'period-month-13.json': (i) => { i.periods = ['2025-05', '2025-13']; },
  'duplicate-id.json': (i) => { node(i, 'B-1b').id = 'B-1a'; },
  'hostile-duplicate-id.json': (i) => {
    const evil = '<img src=x onerror=alert(1)>';
    node(i, 'B-1').children = [evil, evil];
    node(i, 'B-1a').id = evil; node(i, 'B-1b').id = evil;
  },
  'empty-name.json': (i) => { node(i, 'B').name = ''; },
  'control-only-name.json': (i) => { node(i, 'B').name = '\u0000\u202e\u0007\t'; },
  'unknown-metric.json': (i) => { node(i, 'B-1a').m.peeple = 3; },
  'negative-count.json': (i) => { node(i, 'B-1a').m.disabled = -5; },
  'fractional-count.json': (i) => { node(i, 'B-1a').m.disabled = 1.5; },
  'string-count.json': (i) => { node(i, 'B-1a').m.disabled = '2'; },
  'count-past-u64.json': (i) => JSON.stringify(i).replace('"disabled":2', '"disabled":18446744073709551616'),
  'bad-income.json': (i) => { node(i, 'B-1a').income = 'lots'; },
  'series-length.json': (i) => { node(i, 'B-1a').m.employed = [10, 12, 14]; },
  'employed-over-labour.json': (i) => {
    const n = node(i, 'B-1a'); n.m.labour = 5;
  },
  'partition.json': (i) => { const n = node(i, 'B-1a'); n.m.away = [1, 1]; },
  'own-count.json': (i) => { node(i, 'B-1a').m.buildings = 0; },
  'level-order.json': (i) => { node(i, 'B-1').level = 'building'; },
  'missing-child.json': (i) => { node(i, 'B-1').children.push('B1z'); },
  'orphan.json': (i) => { const n = structuredClone(node(i, 'B-1b')); n.id = 'lost'; i.nodes.push(n); },
  'no-root.json': (i) => { i.root = 'nowhere'; },
  'shard-path-escape.json': (i) => { node(i, 'A').shard = '../../../etc/passwd.json'; },
  'shard-path-external.json': (i) => { node(i, 'A').shard = 'https://evil.example/a.json'; },
  'shard-path-percent.json': (i) => { node(i, 'A').shard = '%2e%2e/A.json'; },
  // The shard graph: a shard named twice, or a node naming its own file.
  'shard-named-twice.json': (i) => { node(i, 'B').shard = 'shards/A.json'; },
  'shard-names-itself.json': (i) => { node(i, 'A').shard = 'shard-names-itself.json'; },
  // Duplicate keys: two values for one metric, two sources with one id.
  'duplicate-metric-key.json': (i) => JSON.stringify(i).replace('"disabled":2', '"disabled":2,"disabled":3'),
  'duplicate-source-id.json': (i) => JSON.stringify(i).replace('"sources":{', '"sources":{"s1":{"title":"另一来源"},'),
  // Names that show nothing, and an id no link could open.
  'invisible-name.json': (i) => { node(i, 'B-1a').name = '\u2060\u3164\u{E0041}'; },
  'marks-only-name.json': (i) => { node(i, 'B-1a').name = '\u0301\u0308\u20DD'; },
  'id-too-long.json': (i) => {
    const long = 'B-1b-' + 'x'.repeat(200);
    node(i, 'B-1').children = node(i, 'B-1').children.map((c) => (c === 'B-1b' ? long : c));
    node(i, 'B-1b').id = long;
  },
  // An id below a county without the county's id and a hyphen: a link could not find it.
  'id-without-county-prefix.json': (i) => {
    node(i, 'B-1').children = node(i, 'B-1').children.map((c) => (c === 'B-1b' ? 'Q1b' : c));
    node(i, 'B-1b').id = 'Q1b';
  },
  // Encodings: UTF-16, GBK bytes, a lone surrogate escape.
  'utf16.json': (i) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(i), 'utf16le')]),
  'gbk.json': (i) => {
    const [head, tail] = JSON.stringify({ ...i, dataset: { ...i.dataset, title: { zh: 'GBK' } } }).split('GBK');
    return Buffer.concat([Buffer.from(head), Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), Buffer.from(tail)]);
  },
  'lone-surrogate.json': (i) => { node(i, 'B-1a').name = 'SURROGATE'; return JSON.stringify(i).replace('SURROGATE', '\\ud800'); },
  'shard-path-backslash.json': (i) => { node(i, 'A').shard = '..\\A.json'; },
  'sum-mismatch.json': (i) => { node(i, 'R').m.people = 107; node(i, 'R').m.income_people = 107; },
  'target-over-one.json': (i) => { node(i, 'R').targets = { employment_rate: 1.5 }; },
  'claim-unknown-source.json': (i) => {
    node(i, 'R').published = [{ source: 'nowhere', fields: ['people'], period: '2025-06' }];
  },
  'claim-words-contradict.json': (i) => {
    node(i, 'R').published = [{ source: 's1', fields: ['people'], period: '2025-06', written: { people: '约100' } }];
  },
  'claim-bad-date.json': (i) => {
    node(i, 'R').published = [{ source: 's1', fields: ['people'], period: '2025-06', date: '截至6月底' }];
  },
};

// Shard-level cases: the valid index with its one shard (A's) broken; the UI meets the
// problem when someone opens 节点A.
const shard = {
  'shard-syntax': (s) => JSON.stringify(s).slice(0, 200),
  'shard-wrong-parent': (s) => { s.parent = 'B'; },
  'shard-sum-mismatch': (s) => { node(s, 'A-1a').m.disabled = 3; },
  // A shard's building without its county's prefix (the county is the shard's owner).
  'shard-id-without-county-prefix': (s) => {
    node(s, 'A-1').children = node(s, 'A-1').children.map((c) => (c === 'A-1b' ? 'Z9' : c));
    node(s, 'A-1b').id = 'Z9';
  },
  // A shard's node naming the index as its shard: the index would be read as a shard.
  'shard-names-the-index': (s) => {
    node(s, 'A-1').shard = 'index.json';
    s.nodes = s.nodes.filter((n) => n.id === 'A-1');
  },
  'shard-hostile-name-and-bad-count': (s) => {
    node(s, 'A-1a').name = '<script>alert(1)</script>\u202e' + '长'.repeat(10_000);
    node(s, 'A-1a').m.disabled = -1;
  },
};

// One case per relation of crates/anju-data/src/relations.rs (read from the table itself,
// so a new relation gets its case): building B-1a is changed so that the relation fails
// there and, of the relations it could break, fails first in the table's order (the page
// lists problems node by node, in table order; B-1's sums then fail too).
const snake = (camel) => camel.replace(/([a-z])([A-Z0-9])/g, '$1_$2').replace(/([0-9])([A-Z])/g, '$1_$2').toLowerCase();
const relations = (() => {
  const src = readFileSync(join(here, '../../crates/anju-data/src/relations.rs'), 'utf8');
  const table = src.slice(src.indexOf('pub const RELATIONS'), src.indexOf('/// A set of metrics'));
  const side = (t) => [...t.matchAll(/([pn])\((\w+)\)/g)].map(([, s, m]) => ({ minus: s === 'n', m: snake(m) }));
  return [...table.matchAll(/(le|eq)\(&\[([^\]]*)\], &\[([^\]]*)\]\)/g)].map(([, op, l, r]) => ({ op, lhs: side(l), rhs: side(r) }));
})();
const at = (v, t) => (Array.isArray(v) ? v[t] : (v ?? 0));
const sideValue = (m, terms, t) => terms.reduce((s, x) => s + (x.minus ? -1 : 1) * at(m[x.m], t), 0);
const holds = (r, m, t) => {
  const [l, v] = [sideValue(m, r.lhs, t), sideValue(m, r.rhs, t)];
  return r.op === 'le' ? l <= v : l === v;
};
const failing = (m) => relations.filter((r) => [0, 1].some((t) => !holds(r, m, t)));
const shift = (m, key, d) => {
  const v = m[key] ?? 0;
  m[key] = Array.isArray(v) ? v.map((x) => x + d) : v + d;
};
const relationCase = (r) => (i) => {
  const m = node(i, 'B-1a').m;
  const slack = Math.min(...[0, 1].map((t) => sideValue(m, r.rhs, t) - sideValue(m, r.lhs, t)));
  // One count moves against the relation: a left-side count (or a subtracted right-side
  // one) up, a right-side count (or a subtracted left-side one) down; the first edit that
  // breaks this relation before any other is taken.
  const by = slack + 1;
  const edits = [
    ...r.lhs.map((x) => [x.m, x.minus ? -by : by]),
    ...r.rhs.map((x) => [x.m, x.minus ? by : -by]),
  ];
  if (r.op === 'eq') edits.push([r.lhs[0].m, slack - 1]);
  for (const [key, d] of edits) {
    const trial = structuredClone(m);
    shift(trial, key, d);
    const f = failing(trial);
    if (f[0] === r && [0, 1].every((t) => at(trial[key], t) >= 0)) {
      shift(m, key, d);
      return;
    }
  }
  throw new Error(`no edit breaks ${JSON.stringify(r)} first`);
};
relations.forEach((r, k) => {
  const name = r.lhs.map((x) => x.m).join('-') + (r.op === 'le' ? '-over-' : '-not-') + r.rhs.map((x) => x.m).join('-');
  index[`relation-${String(k + 1).padStart(2, '0')}-${name}.json`] = relationCase(r);
});

const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const out = join(here, 'files');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const [name, f] of Object.entries(index)) {
  const i = baseIndex();
  const r = f(i);
  writeFileSync(join(out, name), r === undefined ? text(i) : r);
}
for (const [name, f] of Object.entries(shard)) {
  mkdirSync(join(out, name, 'shards'), { recursive: true });
  const s = baseShard();
  const r = f(s);
  writeFileSync(join(out, name, 'index.json'), text(baseIndex()));
  writeFileSync(join(out, name, 'shards/A.json'), r === undefined ? text(s) : r);
}
console.log(`${Object.keys(index).length} index cases and ${Object.keys(shard).length} shard cases in ${out}`);
