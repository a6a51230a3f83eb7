// A/B benchmark (a command, not a test): two builds of the dashboard, each served with its
// own copy of the same generated dataset, measured in one headless Chromium, interleaved
// (every round measures A then B or B then A, alternating), so that the machine's noise
// falls on both alike. Prints one table per preset with the ratio B/A.
//   node tests/bench/ab.mjs <label A>=<port A> <label B>=<port B> <preset>… [--rounds N] [--cold-rounds N]
// Cold loads are cheap and vary most, so they have rounds of their own (default 20; a
// median of four moved by a tenth from run to run).
// Each server serves its build at / and the presets at /bench/<preset>/index.json.
import { readFileSync } from 'node:fs';
import { brotli, initialTransfer } from './bundle.mjs';
import { launch, pct, keepWasm, open, drill, drillBoth, rowOf, crumbOf, memory } from './browser.mjs';

const argv = process.argv.slice(2);
const roundsAt = argv.indexOf('--rounds');
const ROUNDS = roundsAt >= 0 ? Number(argv.splice(roundsAt, 2)[1]) : 12;
const coldAt = argv.indexOf('--cold-rounds');
const COLD_ROUNDS = coldAt >= 0 ? Number(argv.splice(coldAt, 2)[1]) : 20;
const dirsAt = argv.indexOf('--dist');
const DISTS = dirsAt >= 0 ? argv.splice(dirsAt, 3).slice(1) : [];
const [a, b, ...presets] = argv;
const sides = [a, b].map((s, i) => {
  const [label, port] = s.split('=');
  return { label, base: `http://127.0.0.1:${port}/`, dist: DISTS[i] };
});
const browser = await launch();
/** A fresh context: an empty cache, as a first visit. Keeps the wasm instance reachable. */
async function freshPage() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await keepWasm(ctx);
  return ctx.newPage();
}
const title = (page) => page.getByTestId('node-title').getAttribute('data-node-id');
const childIds = (page) => page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
/** Runs `f(side)` for both sides, A first on even rounds and B first on odd ones. */
async function interleaved(round, f) {
  const order = round % 2 ? [1, 0] : [0, 1];
  for (const i of order) await f(i);
}

const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
const MB = (n) => `${(n / 1048576).toFixed(1)} MB`;
const MS = (n) => `${n.toFixed(0)} ms`;
const rows = [];
function row(preset, what, vals, fmt) {
  rows.push([preset, what, ...vals.map(fmt), (vals[1] / vals[0]).toFixed(2)]);
}

if (sides[0].dist && sides[1].dist) row('(both)', 'initial transfer, brotli, no data', sides.map((s) => initialTransfer(s.dist)), KB);

for (const preset of presets) {
  const data = (s) => `${s.base}?data=bench/${preset}/index.json`;
  const q = (s, extra) => `${data(s)}&${extra}`;
  console.error(`== ${preset}`);
  if (sides[0].dist) row(preset, 'index.json, brotli', sides.map((s) => brotli(readFileSync(`${s.dist}/bench/${preset}/index.json`))), KB);

  // The tree, read once through side A: cities, and each city's counties.
  const probe = await freshPage();
  await open(probe, data(sides[0]));
  const cities = await childIds(probe);
  const counties = [];
  for (const c of cities) {
    await open(probe, q(sides[0], `node=${c}`));
    for (const k of await childIds(probe)) counties.push([c, k]);
  }
  await probe.context().close();

  const cold = [[], []], indexStart = [[], []], wasmDone = [[], []];
  const first = [[], []], fetched = [[], []], cached = [[], []], fetchedShown = [[], []], cachedShown = [[], []], mem = [[], []], attachEarly = [[], []], attachLate = [[], []];
  // Cold load: a new context (empty cache), navigation start to the first view drawn.
  for (let r = 0; r < COLD_ROUNDS; r++) {
    await interleaved(r, async (i) => {
      const page = await freshPage();
      await open(page, data(sides[i]));
      const t = await page.evaluate(() => ({
        drawn: performance.getEntriesByName('anju-view-drawn')[0].startTime,
        index: performance.getEntriesByType('resource').find((e) => e.name.includes('index.json'))?.startTime ?? NaN,
        wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
      }));
      cold[i].push(t.drawn); indexStart[i].push(t.index); wasmDone[i].push(t.wasm);
      await page.context().close();
    });
  }
  for (let r = 0; r < ROUNDS; r++) {
    console.error(`   round ${r + 1}/${ROUNDS}`);
    // The first drill after a load (code run for the first time, a shard fetched).
    await interleaved(r, async (i) => {
      const [city, county] = counties[(r * 5) % counties.length];
      const page = await freshPage();
      await open(page, q(sides[i], `node=${city}`));
      first[i].push(await drill(page, rowOf(county), county));
      await page.context().close();
    });
    // A walk in one page, as someone at work: 12 times from the root into a city (its
    // counties are in the index), into a county not entered before (its shard fetched),
    // into a site (cached) and back up by the crumbs. Then memory, after forced GC. The
    // first and last three county drills say whether attaching costs more the more is
    // loaded.
    await interleaved(r, async (i) => {
      const page = await freshPage();
      await open(page, data(sides[i]));
      const root = await title(page);
      const times = [];
      const fromCache = async (selector, id) => {
        const { drawn, shown } = await drillBoth(page, selector, id);
        cached[i].push(drawn);
        cachedShown[i].push(shown);
      };
      for (let k = 0; k < 12; k++) {
        const [city, county] = counties[(k * 7 + r * 11) % counties.length];
        await fromCache(rowOf(city), city);
        const { drawn, shown } = await drillBoth(page, rowOf(county), county);
        times.push(drawn);
        fetchedShown[i].push(shown);
        const site = (await childIds(page))[0];
        await fromCache(rowOf(site), site);
        await fromCache(crumbOf(county), county);
        await fromCache(crumbOf(root), root);
      }
      fetched[i].push(...times);
      attachEarly[i].push(...times.slice(0, 3));
      attachLate[i].push(...times.slice(-3));
      mem[i].push(await memory(page));
      await page.context().close();
    });
  }
  row(preset, `cold load → first view drawn, median (${cold[0].length} each)`, cold.map((x) => pct(x, 50)), MS);
  row(preset, 'index request start, median', indexStart.map((x) => pct(x, 50)), MS);
  row(preset, 'wasm received, median', wasmDone.map((x) => pct(x, 50)), MS);
  row(preset, `first drill after a load (a shard fetched), p50 (${first[0].length} each)`, first.map((x) => pct(x, 50)), MS);
  row(preset, `drill with a shard fetch, p50 (${fetched[0].length} each)`, fetched.map((x) => pct(x, 50)), MS);
  row(preset, 'drill with a shard fetch, p95', fetched.map((x) => pct(x, 95)), MS);
  row(preset, 'drill with a shard fetch, click → next frame shown, p50', fetchedShown.map((x) => pct(x, 50)), MS);
  row(preset, 'drill with a shard fetch, click → next frame shown, p95', fetchedShown.map((x) => pct(x, 95)), MS);
  row(preset, `cached drill (down to a city or site, up by a crumb), p50 (${cached[0].length} each)`, cached.map((x) => pct(x, 50)), MS);
  row(preset, 'cached drill, p95', cached.map((x) => pct(x, 95)), MS);
  row(preset, 'cached drill, click → next frame shown, p50', cachedShown.map((x) => pct(x, 50)), MS);
  row(preset, 'cached drill, click → next frame shown, p95', cachedShown.map((x) => pct(x, 95)), MS);
  row(preset, 'JS heap + wasm after 12 county drills', mem.map((x) => pct(x, 50)), MB);
  row(preset, 'county drill, 1st–3rd of 12, p50', attachEarly.map((x) => pct(x, 50)), MS);
  row(preset, 'county drill, 10th–12th of 12, p50', attachLate.map((x) => pct(x, 50)), MS);
}
await browser.close();

const head = ['preset', 'measure', sides[0].label, sides[1].label, `${sides[1].label} / ${sides[0].label}`];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => String(r[c]).length)));
const line = (r) => `| ${r.map((v, c) => String(v).padEnd(widths[c])).join(' | ')} |`;
console.log(line(head));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
