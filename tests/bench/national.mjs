// National-scale benchmark (a command, not a test): the `national` preset (≈9.6 million
// people, 35,000 sites, 1,081 files) served beside the release build. Measures time to
// app-ready at the root, memory (JS heap + wasm, after forced GC) at the root and after
// the walks, and drill latency walking from the root down to a building by clicking
// (each county's shard fetched on the way), then back up by the breadcrumb.
//   node tests/bench/national.mjs <port> [index] [walks]
import { chromium } from '@playwright/test';

const [port, indexArg, walksArg] = process.argv.slice(2);
const index = indexArg ?? 'bench/national/index.json';
const WALKS = Number(walksArg ?? 12);
const base = `http://127.0.0.1:${port}/?data=${index}`;
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const mb = (n) => (n / 1048576).toFixed(1);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
await ctx.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__anjuWasm = e.detail.wasm; });
});

async function open(page, q = '') {
  await page.goto(base + q);
  await page.waitForSelector('[data-testid=app-ready]', { state: 'attached', timeout: 120_000 });
}
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__anjuWasm.memory.buffer.byteLength);
  await cdp.detach();
  return { js: heap.usedSize, wasm };
}
const title = (page) => page.getByTestId('node-title').getAttribute('data-node-id');
async function drill(page, selector) {
  const before = await title(page);
  await page.evaluate(() => performance.clearMeasures('anju-drill'));
  await page.locator(selector).first().click();
  await page.waitForFunction((id) => document.querySelector('[data-testid=node-title]')?.getAttribute('data-node-id') !== id
    && performance.getEntriesByName('anju-drill').length > 0, before, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('anju-drill')[0].duration);
}

console.log(`== national (${index})`);
const ready = [];
for (let i = 0; i < 5; i++) {
  const p = await ctx.newPage();
  await open(p);
  ready.push(await p.evaluate(() => performance.getEntriesByName('anju-view-drawn')[0].startTime));
  await p.close();
}
console.log(`   app-ready at the root (navigation start to first view drawn), 5 loads: median ${pct(ready, 50).toFixed(0)} ms, max ${Math.max(...ready).toFixed(0)} ms`);

const page = await ctx.newPage();
await open(page);
const m0 = await memory(page);
console.log(`   memory at the root: JS heap ${mb(m0.js)} MB + wasm ${mb(m0.wasm)} MB = ${mb(m0.js + m0.wasm)} MB`);
const cities = await page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
const down = [], up = [];
const levels = [];
for (let w = 0; w < WALKS; w++) {
  // A different city each walk (its first county, site, … building), from a fresh root.
  await open(page);
  const city = cities[(w * 7) % cities.length];
  down.push(await drill(page, `[data-testid="child-row"][data-node-id="${city}"] th a`));
  let path = [city];
  for (;;) {
    const level = await page.getByTestId('node-title').getAttribute('data-level');
    if (level === 'building') break;
    const rows = page.getByTestId('child-row');
    const n = await rows.count();
    if (!n) break;
    down.push(await drill(page, `[data-testid="child-row"]:nth-child(${1 + (w % n)}) th a`));
    path.push(await title(page));
  }
  levels.push(await page.getByTestId('node-title').getAttribute('data-level'));
  // Back up by the breadcrumb, one level at a time.
  for (let i = path.length - 2; i >= 0; i--) up.push(await drill(page, `[data-testid="crumb"][data-node-id="${path[i]}"]`));
}
const reached = levels.filter((l) => l === 'building').length;
console.log(`   ${WALKS} walks root → building (${reached} reached a building): ${down.length} drills down p50 ${pct(down, 50).toFixed(1)} ms, p95 ${pct(down, 95).toFixed(1)} ms, max ${Math.max(...down).toFixed(1)} ms`);
console.log(`   back up by the breadcrumb (${up.length} drills, cached): p50 ${pct(up, 50).toFixed(1)} ms, p95 ${pct(up, 95).toFixed(1)} ms`);
const m1 = await memory(page);
console.log(`   memory after the walks: JS heap ${mb(m1.js)} MB + wasm ${mb(m1.wasm)} MB = ${mb(m1.js + m1.wasm)} MB`);
await browser.close();
process.exit(reached === WALKS ? 0 : 1);
