// The big screen (view=screen): fits any wall, keeps moving, and survives a failing server.
import { test, expect, Page } from '@playwright/test';
import { createServer, Server } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { AddressInfo } from 'node:net';
import { Dataset, fromColumns } from './data';

const ds = new Dataset();
const COUNTY = '520603';

async function ready(page: Page) {
  await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
}

for (const [w, h] of [[1280, 720], [1920, 1080], [3840, 2160]] as const) {
  test(`fits ${w}×${h} with no scrollbars, every tile inside, charts at full resolution`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`./?view=screen&node=${COUNTY}`);
    await ready(page);
    const m = await page.evaluate(() => ({
      sw: document.documentElement.scrollWidth, sh: document.documentElement.scrollHeight,
      bw: document.body.scrollWidth, bh: document.body.scrollHeight,
      iw: innerWidth, ih: innerHeight,
    }));
    expect(m.sw).toBeLessThanOrEqual(m.iw);
    expect(m.sh).toBeLessThanOrEqual(m.ih);
    expect(m.bw).toBeLessThanOrEqual(m.iw);
    expect(m.bh).toBeLessThanOrEqual(m.ih);
    const tiles = page.locator('[data-testid^="kpi-"]');
    expect(await tiles.count()).toBe(8);
    for (const box of await tiles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(w);
      expect(box.bottom).toBeLessThanOrEqual(h);
    }
    // Scaled to the smaller ratio and centred.
    const stage = await page.locator('.screen').evaluate((e) => e.getBoundingClientRect().toJSON());
    const s = Math.min(w / 1920, h / 1080);
    expect(stage.width).toBeCloseTo(1920 * s, 0);
    expect(stage.height).toBeCloseTo(1080 * s, 0);
    expect(stage.left).toBeCloseTo((w - 1920 * s) / 2, 0);
    // A canvas has at least as many pixels as it covers on the screen (every chart: the
    // map of the county's sites, the trend and the channels).
    const canvases = await page.locator('.screen canvas').evaluateAll((els) =>
      els.map((e) => ({ w: (e as HTMLCanvasElement).width, css: e.getBoundingClientRect().width, dpr: devicePixelRatio })));
    expect(canvases).toHaveLength(3);
    for (const c of canvases) {
      expect(c.w).toBeGreaterThanOrEqual(Math.floor(c.css * c.dpr) - 1);
    }
    // The tiles show the county's own figures.
    const want = ds.kpis(COUNTY);
    await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', want.people);
    await expect(page.getByTestId('kpi-employment_rate')).toHaveAttribute('data-value', want.employment_rate);
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', COUNTY);
    await page.waitForTimeout(1400); // the count-up settles before the picture
    await page.screenshot({ path: `test-results/screenshots/screen-${w}x${h}.png` });
  });
}

test('tiles count up to the figure, and the dark theme is on', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=screen&node=${COUNTY}`);
  await ready(page);
  const people = Number(ds.kpis(COUNTY).people);
  // Somewhere on the way the number shown is below the figure; at the end it is the figure.
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    seen.push((await page.getByTestId('kpi-people').locator('.kpi-value').textContent()) ?? '');
    await page.waitForTimeout(60);
  }
  await expect(page.getByTestId('kpi-people').locator('.kpi-value')).toHaveText(`${people.toLocaleString('en-US')}人`, { timeout: 3000 });
  expect(new Set(seen).size).toBeGreaterThan(1);
  const bg = await page.locator('.screen-viewport').evaluate((e) => getComputedStyle(e).backgroundColor);
  const [r, g, b] = bg.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(100);
});

test('the carousel steps through the places below, pauses on hover, and steps by hand', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.mouse.move(5, 5); // away from the body
  await page.goto(`./?view=screen&node=${COUNTY}&interval=0.4`);
  await ready(page);
  const kids = ds.node(COUNTY).children!;
  const place = page.getByTestId('carousel-place');
  const seen = new Set<string>();
  for (let i = 0; i < 12 && seen.size < 3; i++) {
    seen.add((await place.getAttribute('data-node-id'))!);
    await page.waitForTimeout(250);
  }
  expect(seen.size).toBeGreaterThanOrEqual(3);
  for (const id of seen) expect(kids).toContain(id);
  // Hover: it holds still for several intervals.
  await page.locator('.screen-body').hover();
  await expect(page.getByTestId('carousel')).toHaveAttribute('data-paused', 'true');
  const held = await place.getAttribute('data-node-id');
  await page.waitForTimeout(1300);
  await expect(place).toHaveAttribute('data-node-id', held!);
  // The board highlights the place on show, and only it.
  await expect(page.locator('.board-row.focus')).toHaveCount(1);
  await expect(page.locator('.board-row.focus')).toHaveAttribute('data-node-id', held!);
  // Next and previous, by hand, in the order of the children.
  const at = kids.indexOf(held!);
  await page.getByTestId('carousel-next').click();
  await expect(place).toHaveAttribute('data-node-id', kids[(at + 1) % kids.length]);
  await page.getByTestId('carousel-prev').click();
  await page.getByTestId('carousel-prev').click();
  await expect(place).toHaveAttribute('data-node-id', kids[(at - 1 + kids.length) % kids.length]);
  // Away again: it moves on by itself.
  await page.mouse.move(5, 5);
  await expect(page.getByTestId('carousel')).toHaveAttribute('data-paused', 'false');
  const before = await place.getAttribute('data-node-id');
  await expect(place).not.toHaveAttribute('data-node-id', before!, { timeout: 3000 });
});

test('a touch pauses the carousel', async ({ browser }) => {
  const ctx = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`./?view=screen&node=${COUNTY}&interval=0.3`);
  await ready(page);
  await page.locator('.focus-figures').tap();
  await expect(page.getByTestId('carousel')).toHaveAttribute('data-paused', 'true');
  const held = await page.getByTestId('carousel-place').getAttribute('data-node-id');
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('carousel-place')).toHaveAttribute('data-node-id', held!);
  await ctx.close();
});

test('tour= rotates through the named places only; unknown ones are said', async ({ page }) => {
  const tour = ['520603', '520621', '5206'];
  await page.goto(`./?view=screen&tour=${tour.join(',')},nowhere&interval=0.3`);
  await ready(page);
  const seen = new Set<string>();
  for (let i = 0; i < 16 && seen.size < 3; i++) {
    seen.add((await page.getByTestId('carousel-place').getAttribute('data-node-id'))!);
    await page.waitForTimeout(150);
  }
  expect([...seen].sort()).toEqual([...tour].sort());
  await expect(page.getByTestId('notice')).toContainText('nowhere');
});

test('kiosk=1 hides every control and the cursor', async ({ page }) => {
  await page.goto(`./?view=screen&node=${COUNTY}&kiosk=1`);
  await ready(page);
  await expect(page.locator('.screen-controls')).toHaveCount(0);
  // Nothing to press or pick is shown (chart exports are hidden on the screen).
  await expect(page.locator('.screen button:visible, .screen select:visible, .screen input:visible')).toHaveCount(0);
  const cursor = await page.locator('.screen-body').evaluate((e) => getComputedStyle(e).cursor);
  expect(cursor).toBe('none');
  // Without kiosk the controls are there, fullscreen among them.
  await page.goto(`./?view=screen&node=${COUNTY}`);
  await ready(page);
  await expect(page.getByTestId('fullscreen')).toBeVisible();
  await expect(page.getByTestId('carousel-next')).toBeVisible();
});

test('the header has a live clock and the as-of date', async ({ page }) => {
  await page.goto(`./?view=screen`);
  await ready(page);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-value', ds.index.dataset.as_of);
  const a = await page.getByTestId('clock').textContent();
  await page.waitForTimeout(1200);
  const b = await page.getByTestId('clock').textContent();
  expect(a).not.toEqual(b);
  expect(b).toMatch(/\d{2}:\d{2}:\d{2}/);
});

// --- Live refresh against a server the test controls -------------------------------

type Mode = 'ok' | '500' | 'truncated' | 'new' | 'hang';

function startServer(indexA: string, indexB: string) {
  const state = { mode: 'ok' as Mode, served: { ok: 0, '500': 0, truncated: 0, new: 0, hang: 0 } as Record<Mode, number> };
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
    if (path === '/live/index.json') {
      state.served[state.mode]++;
      if (state.mode === '500') { res.writeHead(500); res.end('server error'); return; }
      if (state.mode === 'hang') return; // a server that stopped answering: the client must give up
      const body = state.mode === 'new' ? indexB : indexA;
      const out = state.mode === 'truncated' ? body.slice(0, Math.floor(body.length / 2)) : body;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(out);
      return;
    }
    const file = normalize(join('dist', path === '/' ? 'index.html' : path));
    if (!file.startsWith('dist') || !existsSync(file) || statSync(file).isDirectory()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise<{ server: Server; state: typeof state; url: string }>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }));
  });
}

/** The demo index with 50,000 more people in one county, its city and the root, in every period. */
function withMorePeople(indexText: string, county: string, extra: number) {
  // Served as version 1 (the app reads both): each node's figures in the node.
  const idx = fromColumns(JSON.parse(indexText));
  const byId = new Map<string, any>(idx.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<string, string>();
  for (const n of idx.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let id: string | undefined = county; id; id = parent.get(id)) {
    const m = byId.get(id).m;
    m.people = Array.isArray(m.people) ? m.people.map((v: number) => v + extra) : m.people + extra;
  }
  return JSON.stringify(idx);
}

test('a failing refresh keeps the last good numbers and recovers with no reload', async ({ page }) => {
  test.setTimeout(90_000);
  const indexA = readFileSync('public/data/index.json', 'utf8');
  const EXTRA = 50_000;
  // A county under no published head count (29.3万 at 铜仁市 would no longer hold).
  const indexB = withMorePeople(indexA, '520201', EXTRA);
  const { server, state, url } = await startServer(indexA, indexB);
  try {
    const rootPeople = Number(ds.kpis(ds.index.root).people);
    await page.goto(`${url}?view=screen&data=live/index.json&refresh=1`);
    await ready(page);
    await page.evaluate(() => { (window as any).__anjuMarker = 'same page'; });
    const people = page.getByTestId('kpi-people');
    await expect(people).toHaveAttribute('data-value', String(rootPeople));
    await expect(page.getByTestId('stale-badge')).toHaveCount(0);
    // Unchanged data: refreshes come and go and nothing is redrawn.
    await expect.poll(() => state.served.ok, { timeout: 5000 }).toBeGreaterThan(2);
    await expect(page.getByTestId('stale-badge')).toHaveCount(0);

    // HTTP 500: the old numbers stay, the badge says since when.
    state.mode = '500';
    const badge = page.getByTestId('stale-badge');
    await expect(badge).toBeVisible({ timeout: 8000 });
    const since = await badge.getAttribute('data-since');
    expect(Number.isNaN(Date.parse(since!))).toBe(false);
    expect(Date.parse(since!)).toBeLessThanOrEqual(Date.now());
    await expect(people).toHaveAttribute('data-value', String(rootPeople));
    await expect(badge).toContainText('500');
    await expect.poll(() => state.served['500'], { timeout: 8000 }).toBeGreaterThan(1); // it retries

    // Truncated JSON: the validator rejects it; still the old numbers.
    state.mode = 'truncated';
    await expect.poll(() => state.served.truncated, { timeout: 8000 }).toBeGreaterThan(1);
    await expect(badge).toBeVisible();
    await expect(badge).toHaveAttribute('data-since', since!);
    await expect(people).toHaveAttribute('data-value', String(rootPeople));
    await expect(page.locator('[data-testid=error]')).toHaveCount(0);

    // New valid data: the new numbers, the badge gone, the same page.
    state.mode = 'new';
    await expect(badge).toHaveCount(0, { timeout: 10_000 });
    await expect(people).toHaveAttribute('data-value', String(rootPeople + EXTRA));
    await expect(people.locator('.kpi-value')).toHaveText(`${((rootPeople + EXTRA) / 1e4).toFixed(1)}万人`, { timeout: 3000 });
    expect(await page.evaluate(() => (window as any).__anjuMarker)).toBe('same page');
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
  } finally {
    server.close();
  }
});

test('a server that stops answering after good data: the stale badge within the timeout, then recovery', async ({ page }) => {
  test.setTimeout(60_000);
  const indexA = readFileSync('public/data/index.json', 'utf8');
  const { server, state, url } = await startServer(indexA, indexA);
  try {
    const rootPeople = Number(ds.kpis(ds.index.root).people);
    await page.goto(`${url}?view=screen&data=live/index.json&refresh=2`);
    await ready(page);
    await expect.poll(() => state.served.ok, { timeout: 8000 }).toBeGreaterThan(1);
    const badge = page.getByTestId('stale-badge');
    await expect(badge).toHaveCount(0);
    // It stops answering: a refresh gives up after at most the interval (2 s), and says so.
    state.mode = 'hang';
    await expect.poll(() => state.served.hang, { timeout: 8000 }).toBeGreaterThan(0);
    await expect(badge).toBeVisible({ timeout: 2000 + 2500 });
    await expect(badge).toContainText('2 秒内没有回应');
    await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', String(rootPeople));
    // It answers again: the badge goes by itself.
    state.mode = 'ok';
    await expect(badge).toHaveCount(0, { timeout: 10_000 });
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test('leaving the screen clears its timers and listeners', async ({ page }) => {
  // Count the page's live intervals and pending timeouts.
  await page.addInitScript(() => {
    const live = new Set<number>();
    const pending = new Set<number>();
    const w = window as any;
    const [si, ci, st, ct] = [w.setInterval, w.clearInterval, w.setTimeout, w.clearTimeout];
    w.setInterval = (...a: any[]) => { const id = si(...a); live.add(id); return id; };
    w.clearInterval = (id: number) => { live.delete(id); ci(id); };
    w.setTimeout = (f: any, ...a: any[]) => { const id = st((...x: any[]) => { pending.delete(id); typeof f === 'function' && f(...x); }, ...a); pending.add(id); return id; };
    w.clearTimeout = (id: number) => { pending.delete(id); ct(id); };
    w.__timers = () => ({ intervals: live.size, timeouts: pending.size });
  });
  await page.goto(`./?node=${COUNTY}`);
  await ready(page);
  await page.waitForTimeout(500);
  const base = await page.evaluate(() => (window as any).__timers());
  // To the screen, by a link (same page, no reload).
  await page.evaluate((c) => {
    const a = document.createElement('a');
    a.href = `./?node=${c}&view=screen&interval=0.5&refresh=2`;
    a.id = 'to-screen';
    a.textContent = 'screen';
    document.body.append(a);
  }, COUNTY);
  await page.locator('#to-screen').click();
  await expect(page.getByTestId('carousel-place')).toBeVisible();
  await page.waitForTimeout(1200);
  const onScreen = await page.evaluate(() => (window as any).__timers());
  expect(onScreen.intervals).toBeGreaterThan(base.intervals); // clock, carousel
  expect(onScreen.timeouts).toBeGreaterThan(0); // the next refresh
  expect(await page.evaluate(() => document.documentElement.classList.contains('screen-mode'))).toBe(true);
  // Back to the dashboard by its link: the screen's timers go with it.
  await page.getByRole('link', { name: '返回仪表盘' }).click();
  await expect(page.getByTestId('carousel-place')).toHaveCount(0);
  await expect(page.locator('.kpis [data-testid=kpi-people]')).toBeVisible();
  await page.waitForTimeout(2500); // past a refresh interval: nothing is rescheduled
  const after = await page.evaluate(() => (window as any).__timers());
  expect(after.intervals).toBe(base.intervals);
  expect(after.timeouts).toBeLessThanOrEqual(base.timeouts);
  expect(await page.evaluate(() => document.documentElement.classList.contains('screen-mode'))).toBe(false);
});

test('moving between dashboard, slides and screen by links and history never breaks the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`./?node=${COUNTY}`);
  await ready(page);
  const go = async (q: string) => {
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href; a.className = 'test-link'; a.textContent = href;
      document.body.append(a);
    }, q);
    // Clicked from script: on the screen the link sits under the full-window stage.
    await page.locator('a.test-link').last().evaluate((a) => (a as HTMLElement).click());
  };
  await go(`./?node=${COUNTY}&view=present`);
  await expect(page.getByTestId('slide')).toBeVisible();
  await go(`./?node=${COUNTY}&view=screen`);
  await expect(page.getByTestId('carousel-place')).toBeVisible();
  await go(`./?node=${COUNTY}&group=disabled`);
  await expect(page.getByTestId('kpi-disabled')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('carousel-place')).toBeVisible();
  await page.goBack();
  await expect(page.getByTestId('slide')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.kpis [data-testid=kpi-people]')).toBeVisible();
  // The dashboard and the slides are two builds (src/app.rs, Views): going forward to the
  // slides loads that page, which a second step must wait for, as a person does.
  await page.goForward();
  await expect(page.getByTestId('slide')).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('carousel-place')).toBeVisible();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', COUNTY);
  expect(errors).toEqual([]);
});
