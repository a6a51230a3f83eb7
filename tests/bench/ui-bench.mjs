// UI benchmark (a command, not a test): bundle sizes, time to app-ready, and drill
// latency (from the click to the next view drawn, read from the app's performance
// measure "anju-drill") in headless Chromium, on each dataset named on the command line.
// The map's figures (tests/bench/map.mjs) for each set named `map:<label>=<index url>`.
//   node tests/bench/ui-bench.mjs <port> [map:]<label>=<index url or ""> …
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initialFiles, GOAL } from './bundle.mjs';
import { launch, pct, open as openUrl, drill, crumbOf } from './browser.mjs';
import { reportMap } from './map.mjs';

const [port, ...sets] = process.argv.slice(2);
const base = `http://127.0.0.1:${port}/`;
const kb = (n) => (n / 1024).toFixed(1);
// Nothing measured is NaN, never a figure: every comparison with it is false, so a goal
// over an empty list reads MISSED (Math.max() of nothing is -Infinity, which "meets" any).
const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
let missed = 0;
const goal = (what, ok, samples) => {
  const none = samples !== undefined && samples.length === 0;
  console.log(`   goal ${what}: ${ok && !none ? 'met' : none ? 'MISSED (nothing measured)' : 'MISSED'}`);
  if (!ok || none) missed++;
};

// Bundle: everything the first page load transfers except data (tests/bench/bundle.mjs).
console.log('== bundle (dist/, data excluded)');
let total = { raw: 0, gz: 0, br: 0 };
for (const f of initialFiles('dist')) {
  const gz = gzipSync(readFileSync(`dist/${f.file}`), { level: 9 }).length;
  total.raw += f.raw; total.gz += gz; total.br += f.br;
  console.log(`   ${f.file.padEnd(36)} raw ${kb(f.raw).padStart(7)} KB  gzip ${kb(gz).padStart(6)} KB  brotli ${kb(f.br).padStart(6)} KB`);
}
console.log(`   ${'total'.padEnd(36)} raw ${kb(total.raw).padStart(7)} KB  gzip ${kb(total.gz).padStart(6)} KB  brotli ${kb(total.br).padStart(6)} KB`);
goal(`initial transfer ≤ ${kb(GOAL)} KB brotli (issue 18)`, total.br <= GOAL);

const browser = await launch();

const open = (page, query) => openUrl(page, `${base}${query}`);
const readyAt = (page) => page.evaluate(() => performance.getEntriesByName('anju-view-drawn')[0].startTime);
// A click on the row (the table's own handler), not its link: what most people do.
const rowOf = (id) => `[data-testid="child-row"][data-node-id="${id}"] td`;

for (const set of sets.filter((s) => s.startsWith('map:'))) {
  const [label, index] = set.slice(4).split('=');
  // Tall enough that the whole map card is on screen for the pointer.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 1100 } });
  await reportMap(ctx, base, label, index, openUrl, goal);
  await ctx.close();
}

for (const set of sets.filter((s) => !s.startsWith('map:'))) {
  const [label, index] = set.split('=');
  const dataQ = index ? `data=${index}` : '';
  const q = (extra) => '?' + [dataQ, extra].filter(Boolean).join('&');
  console.log(`== ${label}${index ? ` (${index})` : ''}`);
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  // Time to app-ready: fresh page loads.
  const ready = [];
  for (let i = 0; i < 5; i++) {
    const p = await ctx.newPage();
    await open(p, q(''));
    ready.push(await readyAt(p));
    await p.close();
  }
  console.log(`   app-ready (navigation start to first view drawn), 5 loads: median ${pct(ready, 50).toFixed(0)} ms, max ${max(ready).toFixed(0)} ms`);
  goal('app-ready within 1 s', pct(ready, 50) <= 1000, ready);

  // The tree as the app sees it, read from the page's own data.
  await open(page, q(''));
  const rootId = await page.getByTestId('node-title').getAttribute('data-node-id');
  const childIds = async () => page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
  const cities = await childIds();
  const counties = [];
  for (const c of cities) {
    await open(page, q(`node=${c}`));
    for (const k of await childIds()) counties.push([c, k]);
  }

  // Drills that must fetch a shard: a county entered for the first time (fresh page each
  // round so the cache is empty), until at least 30.
  const fetched = [];
  while (fetched.length < 30) {
    for (const [city, county] of counties) {
      if (fetched.length >= 30 && fetched.length >= Math.min(counties.length, 30)) break;
      await open(page, q(`node=${city}`));
      fetched.push(await drill(page, rowOf(county), county));
    }
  }
  // Cached drills: down into sites of a loaded county and back up by the breadcrumb.
  const cached = [];
  const [city, county] = counties[0];
  await open(page, q(`node=${county}`));
  const sites = await childIds();
  while (cached.length < 40) {
    for (const s of sites) {
      if (cached.length >= 40) break;
      cached.push(await drill(page, rowOf(s), s));
      cached.push(await drill(page, crumbOf(county), county));
    }
  }
  console.log(`   drill, shard fetched (${fetched.length} drills): p50 ${pct(fetched, 50).toFixed(1)} ms, p95 ${pct(fetched, 95).toFixed(1)} ms`);
  console.log(`   drill, cached (${cached.length} drills): p50 ${pct(cached, 50).toFixed(1)} ms, p95 ${pct(cached, 95).toFixed(1)} ms`);
  goal('drill p95 ≤ 100 ms when cached', pct(cached, 95) <= 100, cached);
  goal('drill p95 ≤ 300 ms with one shard fetched', pct(fetched, 95) <= 300, fetched);
  // Staff filters at the root: the first group loads every shard below; then toggling
  // other groups redraws without the network ("anju-filter": click to the next frame).
  const t0 = Date.now();
  await open(page, q('group=disabled'));
  console.log(`   first group at the root, every shard below loaded: ${Date.now() - t0} ms from navigation to drawn`);
  const wtg = await page.evaluate(() => performance.getEntriesByName('anju-where-to-go').map((e) => e.duration));
  const buildings = await page.evaluate(() => document.querySelectorAll('[data-testid=where-row]').length);
  console.log(`   where-to-go over the whole dataset (${buildings} listed): compute ${max(wtg).toFixed(1)} ms`);
  goal('where-to-go for the whole dataset ≤ 50 ms', max(wtg) <= 50, wtg);
  const toggles = [];
  const others = ['left_behind_children', 'empty_nest_elderly', 'subsistence_allowance', 'elderly_75_plus', 'party_members', 'severely_disabled'];
  while (toggles.length < 36) {
    for (const g of others) {
      for (let k = 0; k < 2; k++) { // on, then off
        await page.evaluate(() => performance.clearMeasures('anju-filter'));
        await page.getByTestId(`filter-group-${g}`).click();
        await page.waitForFunction(() => performance.getEntriesByName('anju-filter').length > 0);
        toggles.push(await page.evaluate(() => performance.getEntriesByName('anju-filter')[0].duration));
      }
    }
  }
  console.log(`   filter toggle to redrawn view (${toggles.length} toggles): p50 ${pct(toggles, 50).toFixed(1)} ms, p95 ${pct(toggles, 95).toFixed(1)} ms`);
  goal('filter toggle p95 ≤ 50 ms', pct(toggles, 95) <= 50, toggles);
  const mem = await page.evaluate(() => performance.memory ? performance.memory.usedJSHeapSize : 0);
  if (mem) console.log(`   JS heap after the drills: ${(mem / 1e6).toFixed(1)} MB`);
  await ctx.close();
  void rootId; void city;
}
await browser.close();
process.exit(missed ? 1 : 0);
