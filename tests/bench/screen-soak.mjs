// Big-screen soak (a command, not a test): N carousel steps at an accelerated interval,
// with the page's JS heap and the wasm memory measured after load and at the end, each
// after a forced garbage collection. A wall runs for hours; growth must stay ≤ 5%.
//   node tests/bench/screen-soak.mjs <port> [steps] [query]
import { chromium } from '@playwright/test';

const [port, stepsArg, queryArg] = process.argv.slice(2);
const STEPS = Number(stepsArg ?? 1000);
const query = queryArg ?? 'view=screen&node=520603&interval=0.05';
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
// The wasm instance, as Trunk's loader announces it: its memory is the Rust heap.
await page.addInitScript(() => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__anjuWasm = e.detail.wasm; });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('HeapProfiler.enable');

async function memory() {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__anjuWasm.memory.buffer.byteLength);
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { js: heap.usedSize, wasm, total: heap.usedSize + wasm, nodes };
}
const steps = () => page.evaluate(() => Number(document.querySelector('[data-testid=carousel-place]')?.dataset.step ?? 0));
const mb = (n) => (n / 1048576).toFixed(2);

await page.goto(`http://127.0.0.1:${port}/?${query}`);
await page.waitForSelector('[data-testid=app-ready]', { state: 'attached', timeout: 60_000 });
// The carousel must be stepping before anything is measured.
await page.waitForFunction(() => Number(document.querySelector('[data-testid=carousel-place]')?.dataset.step ?? 0) >= 2);
const start = await memory();
const s0 = await steps();
const t0 = Date.now();
console.log(`== screen soak: ${STEPS} carousel steps, ?${query}`);
console.log(`   start (after ${s0} steps): JS heap ${mb(start.js)} MB + wasm ${mb(start.wasm)} MB = ${mb(start.total)} MB; ${start.nodes} elements`);
let last = s0;
while (last < s0 + STEPS) {
  await page.waitForTimeout(1000);
  last = await steps();
}
const elapsed = (Date.now() - t0) / 1000;
const end = await memory();
const growth = (end.total - start.total) / start.total * 100;
console.log(`   end (after ${last} steps, ${elapsed.toFixed(0)} s, ${(((last - s0) / elapsed)).toFixed(1)} steps/s): JS heap ${mb(end.js)} MB + wasm ${mb(end.wasm)} MB = ${mb(end.total)} MB; ${end.nodes} elements`);
console.log(`   growth: ${growth >= 0 ? '+' : ''}${growth.toFixed(2)}% (JS ${((end.js - start.js) / 1024).toFixed(0)} KB, wasm ${((end.wasm - start.wasm) / 1024).toFixed(0)} KB)`);
const ok = growth <= 5;
console.log(`   goal memory growth ≤ 5% over ${STEPS} steps: ${ok ? 'met' : 'MISSED'}`);
await browser.close();
process.exit(ok ? 0 : 1);
