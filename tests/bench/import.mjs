// The browser's import at scale: a large workbook read by the import view's worker.
// Prints rows per second in the browser (the script prints the command's on the same file
// before it, for comparison), how long at most the page's main thread was busy while
// importing (a 10 ms timer's longest delay; goal under 50 ms: the page never freezes),
// how often progress was on show, and the builds' sizes (the dashboard's and the big
// screen's initial transfer, the import view's page and its worker).
// Usage: node tests/bench/import.mjs PORT WORKBOOK   (dist/ served on PORT)
import { statSync } from 'node:fs';
import { launch } from './browser.mjs';
import { initialTransfer } from './bundle.mjs';

const [port, workbook] = [process.argv[2], process.argv[3]];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const browser = await launch();
const page = await browser.newPage();
// The page's main thread kept busy: the longest delay of a 10 ms timer on it, from before
// the app starts (headless Chromium reports no long-task entries, checked below).
await page.addInitScript(() => {
  window.__longest = 0;
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__longest = Math.max(window.__longest, now - last - 10);
    last = now;
  }, 10);
});
await page.goto(`http://127.0.0.1:${port}/?view=import`);
await page.waitForSelector('.import-page[data-worker=ready]', { timeout: 60_000 });
await page.evaluate(() => { window.__longest = 0; });
let progress = 0;
const start = Date.now();
await page.getByTestId('import-input').setInputFiles(workbook);
// Count the progress the page shows while the worker reads.
while (!(await page.getByTestId('import-result').count())) {
  if (await page.locator('.import-file progress').count()) progress += 1;
  await page.waitForTimeout(200);
  if (Date.now() - start > 600_000) throw new Error('import: no result within 10 minutes');
}
const secs = (Date.now() - start) / 1000;
const rows = Number(await page.getByTestId('import-result').getAttribute('data-rows'));
const longest = await page.evaluate(() => window.__longest);
// The measure's own check: a task of 80 ms forced on the page must be seen.
await page.evaluate(() => { const t = performance.now(); while (performance.now() - t < 80); });
await page.waitForTimeout(300);
const check = await page.evaluate(() => window.__longest);
await browser.close();
const mb = statSync(workbook).size / (1 << 20);
console.log(`import: ${workbook}, ${mb.toFixed(1)} MB, ${rows} rows in ${secs.toFixed(1)} s in the browser = ${Math.round(rows / secs)} rows/s`);
console.log(`import: progress shown in ${progress} of the samples taken every 200 ms`);
console.log(`import: main thread busy at most ${longest.toFixed(0)} ms at a time while importing (goal < 50 ms: ${longest < 50 ? 'met' : 'MISSED'})`);
console.log(`import: the timer saw a forced 80 ms task as ${check.toFixed(0)} ms${check >= 70 ? '' : ' (NOT SEEN: the figure above is not measured)'}`);
for (const build of ['dashboard', 'show', 'import', 'worker']) console.log(`import: ${build} ${kb(initialTransfer('dist', build))} brotli`);
