// Where a phone's cold load blocks (a command, not a test): loads a page of a served build
// in headless Chromium at 4× slower CPU and a phone's screen, traces the main thread, and
// lists each task over 30 ms with what it spent its time on (trace event names summed:
// `wasm.CompileLazy` is V8 compiling wasm functions on their first call, `Layout` the
// browser's layout, `FunctionCall` script, `TimerFire` a timer). Lighthouse's long tasks
// (scripts/bench-lighthouse.sh) say how long; this says what is inside them. Playwright's
// own scripts (waiting for the view) show as tasks of EvaluateScript after the load.
//   node tests/bench/tasks.mjs <port> [path, e.g. "?node=520602"]
import { launch } from './browser.mjs';

const [port, path] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}/${path ?? ''}`;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
await cdp.send('Tracing.start', {
  categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline',
  transferMode: 'ReportEvents',
});
await page.goto(url);
await page.waitForSelector('[data-testid=app-ready]', { state: 'attached', timeout: 120_000 });
await page.waitForTimeout(1500);
await cdp.send('Tracing.end');
await done;
await browser.close();

// The page's main thread, and its top-level tasks.
const thread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const main = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X');
const t0 = Math.min(...main.map((e) => e.ts));
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 30_000).sort((a, b) => a.ts - b.ts);
console.log(`${url}: main-thread tasks over 30 ms at 4× CPU (ms from the first event; nested events overlap)`);
let blocking = 0;
for (const t of tasks) {
  const inside = new Map();
  for (const e of main) {
    if (e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) inside.set(e.name, (inside.get(e.name) ?? 0) + e.dur);
  }
  const top = [...inside].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, d]) => `${n} ${Math.round(d / 1000)}`);
  blocking += Math.max(0, t.dur / 1000 - 50);
  console.log(`   @${Math.round((t.ts - t0) / 1000)}  ${Math.round(t.dur / 1000)} ms: ${top.join(', ')}`);
}
console.log(`   time over 50 ms, summed over these tasks: ${Math.round(blocking)} ms`);
