import { launch } from './browser.mjs';
const [port, preset, n] = process.argv.slice(2);
const data = `http://127.0.0.1:${port}/?data=bench/${preset}/index.json`;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await page.goto(data);
await page.waitForSelector('[data-testid=app-ready]', { state: 'attached' });
const city = await page.locator('[data-testid="child-row"]').first().getAttribute('data-node-id');
const self = new Map(), total = new Map(); let all = 0; const runs = Number(n ?? 5);
let release = () => {};
await page.route('**/shards/**', async (route) => { await new Promise((r) => (release = r)); await route.continue(); });
for (let r = 0; r < runs; r++) {
  await page.goto(`${data}&node=${city}`);
  release();
  await page.waitForSelector('[data-testid=app-ready]', { state: 'attached' });
  await page.waitForTimeout(300);
  const county = await page.locator('[data-testid="child-row"]').nth(r + 1).getAttribute('data-node-id');
  let target = page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`);
  if (process.env.CACHED) {
    release = () => {};
    await page.unrouteAll();
    await target.click();
    await page.waitForFunction(() => performance.getEntriesByName('anju-drill').length > 0);
    await page.waitForTimeout(300);
    target = page.getByTestId('crumb').nth(1);
  }
  await target.hover();
  await page.waitForTimeout(100);
  await cdp.send('Profiler.start');
  await target.click();
  await page.waitForTimeout(150);
  const { profile } = await cdp.send('Profiler.stop');
  release();
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]); const dt = profile.timeDeltas[i + 1] ?? 0;
    const f = node.callFrame.functionName || '(anon)';
    if (f === '(idle)') continue;
    all += dt; self.set(f, (self.get(f) ?? 0) + dt);
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const g = byId.get(id).callFrame.functionName.replace(/::h[0-9a-f]{16}.*/, '');
      if (!seen.has(g)) { seen.add(g); total.set(g, (total.get(g) ?? 0) + dt); }
    }
  }
}
console.log(`busy per click ${(all / 1000 / runs).toFixed(1)} ms`);
const show = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([f, us]) => console.log(`${(us / 1000 / runs).toFixed(2).padStart(7)}  ${f.slice(0, 150)}`));
console.log('-- self'); show(self); console.log('-- total'); show(total);
await browser.close();
