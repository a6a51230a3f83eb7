// The tests' own reading of the dataset: expected figures are computed here from the
// JSON, independently of the app.
import { readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';

export type Node = {
  id: string; name: string; name_en?: string; level: string; children?: string[]; shard?: string;
  m?: Record<string, number | number[]>; income?: number | (number | null)[] | null;
  targets?: { employment_rate?: number };
};

export class Dataset {
  index: any;
  nodes = new Map<string, Node>();
  parent = new Map<string, string>();
  constructor(public dir: string = 'public/data') {
    this.index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
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
    if (existsSync(f)) this.add(JSON.parse(readFileSync(f, 'utf8')).nodes);
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
