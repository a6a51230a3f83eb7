// What the benchmarks share: headless Debian Chromium with the tests' flags, the app's
// readiness and drill measures, memory after forced GC, and percentiles.
import { chromium } from '@playwright/test';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

/** The p-th percentile of `xs`; NaN for none (so that any goal over it reads as missed). */
export const pct = (xs, p) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

/** Keeps each page's wasm instance reachable (as `window.__anjuWasm`) for `memory`. */
export const keepWasm = (ctx) => ctx.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__anjuWasm = e.detail.wasm; }));

/** Opens `url` and waits for the first view drawn. */
export async function open(page, url) {
  await page.goto(url);
  await page.waitForSelector('[data-testid=app-ready]', { state: 'attached', timeout: 120_000 });
}

/** Clicks `selector` (a drill to `id`) and returns the app's click-to-drawn measure, ms. */
export async function drill(page, selector, id) {
  return (await drillBoth(page, selector, id)).drawn;
}

/** Clicks `selector` (a drill to `id`). `drawn`: the app's own measure, click to every chart
 * painted ("anju-drill"). `shown`: the same drill seen from outside the app, the same way
 * for any build: from the click to the end of the first frame rendered after the title
 * names `id` (a requestAnimationFrame then a message, which runs once that frame's style,
 * layout, observers and paint are done). A build that paints its charts before layout
 * cannot shorten `shown` by marking itself drawn early. */
export async function drillBoth(page, selector, id) {
  await page.evaluate((want) => {
    performance.clearMeasures('anju-drill');
    window.__anjuShown = new Promise((resolve) => {
      let start;
      addEventListener('click', () => { start ??= performance.now(); }, { capture: true, once: true });
      const named = () => document.querySelector('[data-testid=node-title]')?.getAttribute('data-node-id') === want;
      const seen = new MutationObserver(() => {
        if (start === undefined || !named()) return;
        seen.disconnect();
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => resolve(performance.now() - start);
          after.port2.postMessage(0);
        });
      });
      seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-node-id'] });
    });
  }, id);
  await page.locator(selector).first().click();
  await page.waitForFunction((want) => document.querySelector('[data-testid=node-title]')?.getAttribute('data-node-id') === want
    && performance.getEntriesByName('anju-drill').length > 0, id, { timeout: 60_000 });
  const drawn = await page.evaluate(() => performance.getEntriesByName('anju-drill')[0].duration);
  const shown = await page.evaluate(() => window.__anjuShown);
  return { drawn, shown };
}
export const rowOf = (id) => `[data-testid="child-row"][data-node-id="${id}"] th a`;
export const crumbOf = (id) => `[data-testid="crumb"][data-node-id="${id}"]`;

/** JS heap + wasm memory after forced GC, bytes (the page's context must `keepWasm`). */
export async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__anjuWasm?.memory?.buffer?.byteLength ?? 0);
  await cdp.detach();
  return heap.usedSize + wasm;
}
