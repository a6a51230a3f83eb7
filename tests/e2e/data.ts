// The tests' own reading of the dataset: expected figures are computed here from the
// JSON, independently of the app.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

export type Node = {
  id: string; name: string; name_en?: string; level: string; children?: string[]; shard?: string;
  m?: Record<string, number | number[]>; income?: number | (number | null)[] | null;
  targets?: { employment_rate?: number };
};

// Version 2 files keep every node's figures in columns (docs/data-format.md): read here,
// by the tests' own code, into the nodes as version 1 has them.
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** A series string's whole numbers: zigzag varints, five bits a character. */
function varints(s: string): bigint[] {
  const out: bigint[] = [];
  let z = 0n, shift = 0n;
  for (const ch of s) {
    const d = DIGITS.indexOf(ch);
    if (d < 0) throw new Error(`not a series string: ${s}`);
    z |= BigInt(d & 31) << shift;
    if (d < 32) { out.push(z & 1n ? -(z >> 1n) - 1n : z >> 1n); z = 0n; shift = 0n; } else shift += 5n;
  }
  return out;
}
const OWN: Record<string, string> = { site: 'sites', community: 'communities', grid: 'grids', building: 'buildings' };
/** A file's columns moved into its nodes (a null count at a node with children in the
 *  file is their sum plus its own structural count), and children written as suffixes of
 *  their parent's id made whole. */
export function fromColumns(doc: any): any {
  if (doc.schema_version !== 2) return doc;
  const nodes: Node[] = doc.nodes;
  for (const n of nodes as any[]) {
    if (n.child_suffixes) { n.children = n.child_suffixes.map((s: string) => `${n.id}-${s}`); delete n.child_suffixes; }
  }
  const at = new Map(nodes.map((n, i) => [n.id, i]));
  const kids = nodes.map((n) => (n.children ?? []).map((c) => at.get(c)).filter((i): i is number => i !== undefined));
  const done = new Set<number>();
  const order: number[] = [];
  const visit = (i: number) => { if (done.has(i)) return; done.add(i); kids[i].forEach(visit); order.push(i); };
  nodes.forEach((_, i) => visit(i));
  for (const n of nodes) n.m = {};
  const periods = doc.periods.length;
  for (const [key, cells] of Object.entries<any[]>(doc.m ?? {})) {
    for (const i of order) {
      const cell = cells[i];
      let v: number | number[] | undefined;
      if (typeof cell === 'number') v = cell;
      else if (typeof cell === 'string') { let sum = 0n; v = varints(cell).map((d) => Number((sum += d))); }
      else if (kids[i].length > 0) {
        const own = OWN[nodes[i].level] === key ? 1 : 0;
        const at = (x: number | number[] | undefined, t: number) => (x === undefined ? 0 : Array.isArray(x) ? x[t] ?? 0 : x);
        const per = Array.from({ length: periods }, (_, t) => own + kids[i].reduce((a, c) => a + at(nodes[c].m![key], t), 0));
        v = per.every((x) => x === per[0]) ? per[0] : per;
      }
      if (v !== undefined && !(v === 0 || (Array.isArray(v) && v.every((x) => x === 0)))) nodes[i].m![key] = v;
    }
  }
  (doc.income ?? []).forEach((cell: any, i: number) => {
    if (typeof cell === 'string') {
      const e = varints(cell), f: bigint[] = [];
      e.forEach((d, t) => f.push(t === 0 ? d : t === 1 ? f[0] + d : 2n * f[t - 1] - f[t - 2] + d));
      nodes[i].income = f.map((x) => Number(x) / 100);
    } else if (cell !== null) nodes[i].income = cell;
  });
  delete doc.m; delete doc.income;
  doc.schema_version = 1;
  return doc;
}

/** A dataset file as version 1 has it, whichever version it is written in. */
export function readFile(path: string): any {
  return fromColumns(JSON.parse(readFileSync(path, 'utf8')));
}

export class Dataset {
  index: any;
  nodes = new Map<string, Node>();
  parent = new Map<string, string>();
  constructor(public dir: string = 'public/data') {
    this.index = readFile(join(dir, 'index.json'));
    this.add(this.index.nodes);
  }
  private add(nodes: Node[]) {
    for (const n of nodes) {
      this.nodes.set(n.id, n);
      for (const c of n.children ?? []) this.parent.set(c, n.id);
      if (n.shard) this.loadShard(n.shard);
    }
  }
  private loadShard(path: string) {
    const f = join(this.dir, path);
    if (existsSync(f)) this.add(readFile(f).nodes);
  }
  get root(): Node { return this.node(this.index.root); }
  get periods(): string[] { return this.index.periods; }
  node(id: string): Node {
    const n = this.nodes.get(id);
    if (!n) throw new Error(`no node ${id}`);
    return n;
  }
  children(id: string): Node[] { return (this.node(id).children ?? []).map((c) => this.node(c)); }
  /** A stored count at period index t (default: the latest). */
  count(n: Node, key: string, t = this.periods.length - 1): number {
    const v = n.m?.[key];
    if (v === undefined) return 0;
    return Array.isArray(v) ? v[t] : v;
  }
  income(n: Node, t = this.periods.length - 1): number | null {
    const v = n.income;
    if (v === undefined || v === null) return null;
    return Array.isArray(v) ? v[t] : v;
  }
  rate(n: Node, t = this.periods.length - 1): number | null {
    const labour = this.count(n, 'labour', t);
    return labour > 0 ? this.count(n, 'employed', t) / labour : null;
  }
  /** Every KPI tile's expected data-value. */
  kpis(id: string): Record<string, string> {
    const n = this.node(id);
    const out: Record<string, string> = {};
    for (const k of ['people', 'households', 'labour', 'employed', 'welfare_posts', 'monitored_households', 'monitored_people', 'zero_employment_households', 'trained']) {
      out[k] = String(this.count(n, k));
    }
    const r = this.rate(n);
    out.employment_rate = r === null ? '' : String(r);
    const inc = this.income(n);
    out.income_per_capita = inc === null ? '' : String(inc);
    return out;
  }
  /** Children ranked by employment rate, best first, ties by name (the app's default ranking). */
  rankedByRate(id: string): Node[] {
    return this.children(id).sort((a, b) => {
      const ra = this.rate(a), rb = this.rate(b);
      if (ra === null && rb === null) return a.name < b.name ? -1 : 1;
      if (ra === null) return 1;
      if (rb === null) return -1;
      if (rb !== ra) return rb - ra;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
  }
}

export function pathTo(ds: Dataset, id: string): string[] {
  const out = [id];
  while (ds.parent.has(out[0])) out.unshift(ds.parent.get(out[0])!);
  return out;
}
