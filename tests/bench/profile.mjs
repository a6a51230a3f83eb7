// Where the time goes (a command, not a test): CPU profiles of a cold load and of drills
// with a shard fetch, taken through the DevTools protocol in headless Chromium, summed by
// function (self time) and by kind (wasm, JS, garbage collection, and "(program)": the
// browser's own work outside script, mostly style, layout and paint). Meant for a build
// that keeps function names (scripts/bench-profile.sh makes one).
//   node tests/bench/profile.mjs <port> <preset> [drills]
import { launch } from './browser.mjs';

const [port, preset, drillsArg] = process.argv.slice(2);
const DRILLS = Number(drillsArg ?? 10);
const data = `http://127.0.0.1:${port}/?data=bench/${preset}/index.json`;
const browser = await launch();

async function fresh() {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  return { page, cdp };
}
const ready = (page) => page.waitForSelector('[data-testid=app-ready]', { state: 'attached', timeout: 120_000 });

/** Adds a profile's self time (µs) by function and by kind into `acc`, and the total
 * time (self and below) of the app's own functions. */
function add(acc, profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame.functionName;
      if (/^(anju|anju_data)::/.test(f) && !seen.has(f)) {
        seen.add(f);
        acc.total_fn.set(f, (acc.total_fn.get(f) ?? 0) + (dt[i + 1] ?? 0));
      }
    }
    const f = n.callFrame;
    const us = dt[i + 1] ?? 0;
    const kind = f.url.endsWith('.wasm') || f.url.startsWith('wasm://') ? 'wasm'
      : f.functionName.startsWith('(') ? f.functionName : 'js';
    if (kind === '(idle)') continue;
    const name = `${f.functionName || '(anonymous)'}${kind === 'js' ? ` ${f.url.split('/').pop()}:${f.lineNumber}` : ''}`;
    acc.fn.set(name, (acc.fn.get(name) ?? 0) + us);
    acc.kind.set(kind, (acc.kind.get(kind) ?? 0) + us);
    acc.total += us;
  }
}
function report(title, acc, runs) {
  console.log(`== ${title}: ${(acc.total / 1000 / runs).toFixed(1)} ms of samples per run (idle left out), ${runs} runs`);
  for (const [k, us] of [...acc.kind].sort((x, y) => y[1] - x[1])) console.log(`   ${k.padEnd(22)} ${(100 * us / acc.total).toFixed(1).padStart(5)} %`);
  console.log('   top functions by self time:');
  for (const [f, us] of [...acc.fn].sort((x, y) => y[1] - x[1]).slice(0, 20)) {
    console.log(`   ${(100 * us / acc.total).toFixed(1).padStart(5)} %  ${(us / 1000 / runs).toFixed(2).padStart(7)} ms  ${f.slice(0, 110)}`);
  }
  console.log("   the app's functions by total time (self and what they call):");
  for (const [f, us] of [...acc.total_fn].sort((x, y) => y[1] - x[1]).slice(0, 20)) {
    console.log(`   ${(100 * us / acc.total).toFixed(1).padStart(5)} %  ${(us / 1000 / runs).toFixed(2).padStart(7)} ms  ${f.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}`);
  }
}
const acc = () => ({ fn: new Map(), kind: new Map(), total_fn: new Map(), total: 0 });

// Cold load: the profiler runs from before navigation to the first view drawn.
const load = acc();
for (let r = 0; r < 5; r++) {
  const { page, cdp } = await fresh();
  await cdp.send('Profiler.start');
  await page.goto(data);
  await ready(page);
  add(load, (await cdp.send('Profiler.stop')).profile);
  await page.context().close();
}
report(`cold load (${preset})`, load, 5);

// Drills with a shard fetch: from a city into a county not loaded yet.
const probe = (await fresh()).page;
await probe.goto(data);
await ready(probe);
const cities = await probe.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
const drill = acc();
for (let k = 0; k < DRILLS; k++) {
  const city = cities[k % cities.length];
  const { page, cdp } = await fresh();
  await page.goto(`${data}&node=${city}`);
  await ready(page);
  const counties = await page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
  const county = counties[k % counties.length];
  await page.evaluate(() => performance.clearMeasures('anju-drill'));
  await cdp.send('Profiler.start');
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
  await page.waitForFunction(() => performance.getEntriesByName('anju-drill').length > 0, null, { timeout: 60_000 });
  add(drill, (await cdp.send('Profiler.stop')).profile);
  await page.context().close();
}
report(`drill with a shard fetch (${preset})`, drill, DRILLS);
await browser.close();
