// What is inside a drill (a command, not a test): opens a city of a preset served with its
// build (as scripts/bench-profile.sh or bench-ab.sh serve one), traces the main thread
// through one drill into a county (its shard fetched), or with CACHED=1 through a drill
// back up to the city by its crumb (nothing fetched), and lists each main-thread task over
// 1 ms from the click with the trace events it spent its time on (`FunctionCall` script,
// `Layout`, `UpdateLayoutTree` style, `Paint`, `Commit`). With the app's own measure of
// the drill ("anju-drill") above each list.
//   [CACHED=1] node tests/bench/drill-tasks.mjs <port> <preset> [drills]
import { launch } from './browser.mjs';
const [port, preset, n] = process.argv.slice(2);
const data = `http://127.0.0.1:${port}/?data=bench/${preset}/index.json`;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await page.goto(data);
await page.waitForSelector('[data-testid=app-ready]', { state: 'attached' });
const city = await page.locator('[data-testid="child-row"]').first().getAttribute('data-node-id');
const sums = new Map(); let total = 0; const runs = Number(n ?? 5);
for (let r = 0; r < runs; r++) {
  await page.goto(`${data}&node=${city}`);
  await page.waitForSelector('[data-testid=app-ready]', { state: 'attached' });
  await page.waitForTimeout(300);
  const county = await page.locator('[data-testid="child-row"]').nth(r + 1).getAttribute('data-node-id');
  const events = [];
  if (process.env.CACHED) {
    await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
    await page.waitForFunction(() => performance.getEntriesByName('anju-drill').length > 0);
    await page.waitForTimeout(300);
  }
  const h = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', h);
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.evaluate(() => performance.clearMeasures('anju-drill'));
  if (process.env.CACHED) {
    await page.getByTestId('crumb').nth(1).click();
  } else {
    await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
  }
  await page.waitForFunction(() => performance.getEntriesByName('anju-drill').length > 0);
  const d = await page.evaluate(() => performance.getEntriesByName('anju-drill')[0].duration);
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end'); await done; cdp.off('Tracing.dataCollected', h);
  const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 1000).sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0]?.ts ?? 0;
  console.log(`drill ${county}: ${d.toFixed(1)} ms`);
  for (const t of tasks) {
    const inside = new Map();
    for (const e of main) if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur);
    const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 7).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
    console.log(`  @${((t.ts - t0) / 1000).toFixed(0)} ${(t.dur / 1000).toFixed(1)}: ${top.join(', ')}`);
  }
}
await browser.close();
