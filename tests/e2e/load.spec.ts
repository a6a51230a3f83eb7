import { test, expect, Page } from '@playwright/test';
import { Dataset } from './data';

// The first load: the dataset's index is asked for by the page's first script, before the
// wasm has been received and compiled, and it is the dataset the URL names, asked for
// once. An address the app would refuse is never asked for.

/** Every request the page makes, in order, as paths (without the query). */
function requests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    seen.push(u.pathname);
  });
  return seen;
}
const timing = (page: Page) => page.evaluate(() => {
  const rs = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return {
    index: rs.filter((e) => e.name.endsWith('.json')).map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    wasmEnd: rs.find((e) => e.name.endsWith('.wasm'))!.responseEnd,
  };
});

test('the demo index is requested once, before the wasm has arrived', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  expect(seen.filter((p) => p.endsWith('/data/index.json'))).toHaveLength(1);
  const t = await timing(page);
  expect(t.index[0].name).toMatch(/\/data\/index\.json$/);
  expect(t.index[0].start).toBeLessThan(t.wasmEnd);
});

test('data= is followed: its index is asked for early, and the demo never', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?data=fixtures/degenerate/one-period/index.json&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  expect(seen.filter((p) => p.includes('/data/index.json'))).toEqual([]);
  expect(seen.filter((p) => p.endsWith('/fixtures/degenerate/one-period/index.json'))).toHaveLength(1);
  const t = await timing(page);
  expect(t.index[0].start).toBeLessThan(t.wasmEnd);
});

test('an address the app refuses is never asked for; the demo is shown, with the notice', async ({ page }) => {
  for (const bad of ['//evil.example/x.json', 'data/index.json%3F', 'a b.json', '/data/index.json', 'data//index.json']) {
    const seen = requests(page);
    await page.goto(`./?data=${encodeURIComponent(bad)}`);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    // The demo's own files only: its index (and the map's geometry, the demo's too).
    expect(seen.filter((p) => p.endsWith('.json') && !p.startsWith('/data/geo/'))).toEqual(['/data/index.json']);
    expect(seen.filter((p) => p.endsWith('.json')).every((p) => p.startsWith('/data/'))).toBe(true);
    await expect(page.getByTestId('notice').first()).toBeVisible();
  }
});

test('an early request that fails is asked again by the app, which reports it', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?data=fixtures/no-such/index.json');
  await expect(page.getByTestId('error')).toContainText('404');
  expect(seen.filter((p) => p.endsWith('/fixtures/no-such/index.json')).length).toBeGreaterThanOrEqual(1);
});

// A phone on a slow network waits longest for the place's shard: the dataset's header,
// read from the index, and which place is loading are shown while it comes.
for (const lang of ['zh', 'en'] as const) {
  test(`the first view shows its header and names the place while the place's shard loads (${lang})`, async ({ page }) => {
    const ds = new Dataset();
    const county = ds.children(ds.children(ds.root.id)[0].id)[0];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await page.route(`**/data/${county.shard}`, async (r) => { await gate; await r.continue(); });
    await page.goto(`./?node=${county.id}${lang === 'en' ? '&lang=en' : ''}`);
    const title = lang === 'en' ? ds.index.dataset.title.en : ds.index.dataset.title.zh;
    const name = lang === 'en' ? county.name_en ?? county.name : county.name;
    await expect(page.locator('h1.title')).toHaveText(title);
    await expect(page.getByTestId('as-of')).toHaveAttribute('data-value', ds.index.dataset.as_of);
    // One status, in the flow under the header, naming the place; no view yet.
    await expect(page.getByTestId('loading')).toHaveCount(1);
    await expect(page.getByTestId('loading')).toContainText(name);
    await expect(page.getByTestId('node-title')).toHaveCount(0);
    release();
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', county.id);
    await expect(page.getByTestId('loading')).toHaveCount(0);
    await expect(page.locator('h1.title')).toHaveCount(1);
    await expect(page.locator('h1.title')).toHaveText(title);
  });
}

test('while the next place loads, the view on show holds still: its links stay its own and no chart paints again', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/shards/520603.json', async (route) => { await held; await route.continue(); });
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const before = {
    screen: await page.getByTestId('link-screen').getAttribute('href'),
    crumbs: await page.getByTestId('crumb').evaluateAll((cs) => cs.map((c) => c.getAttribute('href'))),
    paints: await page.locator('canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-paints'))),
  };
  expect(before.paints.length).toBeGreaterThan(0);
  expect(before.screen).toContain('node=5206');
  await page.locator('[data-testid="child-row"][data-node-id="520603"] th a').click();
  await expect(page).toHaveURL(/node=520603/);
  await page.waitForTimeout(300);
  // The URL names the next place, but the view still shows 5206, whole and unchanged.
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '5206');
  expect(await page.getByTestId('link-screen').getAttribute('href')).toBe(before.screen);
  expect(await page.getByTestId('crumb').evaluateAll((cs) => cs.map((c) => c.getAttribute('href')))).toEqual(before.crumbs);
  expect(await page.locator('canvas').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-paints')))).toEqual(before.paints);
  release();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '520603');
  expect(await page.getByTestId('link-screen').getAttribute('href')).toContain('node=520603');
});

// A drill: the place's shard is asked for when its link is pressed, before the click.

/** Puts the mouse over the children-table link to `id` (scrolled into view), unpressed. */
async function pointAt(page: Page, id: string) {
  const link = page.locator(`[data-testid="child-row"][data-node-id="${id}"] th a`);
  await link.scrollIntoViewIfNeeded();
  const box = (await link.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

test('pressing a link to a county asks for its shard before the click, once', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await pointAt(page, '520603');
  const asked = page.waitForRequest((r) => r.url().endsWith('/data/shards/520603.json'));
  await page.mouse.down();
  await asked;
  // The press alone never changes the view.
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '5206');
  await page.mouse.up();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '520603');
  await expect(page.getByTestId('child-row').first()).toBeVisible();
  expect(seen.filter((p) => p.endsWith('/data/shards/520603.json'))).toHaveLength(1);
});

test('a press that led elsewhere, and a shard that fails, are reported as any load', async ({ page }) => {
  await page.route('**/data/shards/520621.json', (r) => r.fulfill({ status: 404, body: '' }));
  await page.goto('./?node=5206&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  // Pressed on one county, released elsewhere: no drill, and the next drill is unaffected.
  await pointAt(page, '520602');
  await page.mouse.down();
  await page.mouse.move(5, 5);
  await page.mouse.up();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '5206');
  await page.locator('[data-testid="child-row"][data-node-id="520621"] th a').click();
  await expect(page.getByTestId('error')).toContainText('404');
  await expect(page.getByTestId('error')).toContainText('shards/520621.json');
  await page.locator('[data-testid="child-row"][data-node-id="520602"] th a').click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '520602');
});

// Memory stays bounded: shards no view needs are let go beyond a budget of nodes, the
// least recently needed first, and a place whose shard was let go loads again, the same.

test('a county left long ago is let go, and entered again it is fetched and shows the same', async ({ page }) => {
  const seen = requests(page);
  const asked = (c: string) => seen.filter((p) => p.endsWith(`/data/shards/${c}.json`)).length;
  const title = page.getByTestId('node-title');
  await page.goto('./?node=5206&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const enter = async (c: string) => {
    await page.locator(`[data-testid="child-row"][data-node-id="${c}"] th a`).click();
    await expect(title).toHaveAttribute('data-node-id', c);
    await expect(page.getByTestId('child-row').first()).toBeVisible();
  };
  const up = async () => {
    await page.locator('[data-testid="crumb"][data-node-id="5206"]').click();
    await expect(title).toHaveAttribute('data-node-id', '5206');
  };
  await enter('520602');
  const people = await page.getByTestId('kpi-people').getAttribute('data-value');
  const rows = await page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.textContent));
  await up();
  // 437 + 219 + 130 nodes more than 520602's 394 pass the budget of 1,000.
  for (const c of ['520603', '520621', '520622']) {
    await enter(c);
    await up();
  }
  await enter('520602');
  expect(asked('520602')).toBe(2);
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', people!);
  expect(await page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.textContent))).toEqual(rows);
  // A site of the county let go and entered again: its place in the tree is whole.
  const site = (await page.getByTestId('child-row').first().getAttribute('data-node-id'))!;
  await enter(site);
  await expect(page.locator('[data-testid="crumb"]')).toHaveCount(4);
  await expect(page.locator('[data-testid="crumb"]').nth(2)).toHaveAttribute('data-node-id', '520602');
  // The most recent are kept: entering one again asks for nothing.
  await up();
  await enter('520622');
  expect(asked('520622')).toBe(1);
});

test('a shard that failed when asked ahead is asked again by the click, and shown', async ({ page }) => {
  let calls = 0;
  await page.route('**/data/shards/520623.json', (r) => (++calls === 1 ? r.fulfill({ status: 503, body: '' }) : r.continue()));
  await page.goto('./?node=5206&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await pointAt(page, '520623');
  const failed = page.waitForResponse((r) => r.url().endsWith('/data/shards/520623.json') && r.status() === 503);
  await page.mouse.down();
  await failed;
  await page.mouse.up();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '520623');
  await expect(page.getByTestId('child-row').first()).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
  expect(calls).toBe(2);
});

// Two builds of the app (src/app.rs, Views): the dashboard's, and the big screen's and
// slides'. A visitor downloads the one the address names; the page's loader reads
// `view=` as the app does, so that neither build is loaded for the other's view.

const builds = (seen: string[]) => ({
  dashboard: seen.filter((p) => /\/anju-web-[0-9a-f]+(\.js|_bg\.wasm)$/.test(p)).length,
  show: seen.filter((p) => /\/anju-show-[0-9a-f]+(\.js|_bg\.wasm)$/.test(p)).length,
});

for (const [query, build, shown] of [
  ['', 'dashboard', 'kpi-people'],
  ['view=screen', 'show', 'carousel-place'],
  ['view=present', 'show', 'slide'],
  // The last value that names a view wins, as in the app's URL parser.
  ['view=present&view=dashboard', 'dashboard', 'kpi-people'],
  ['view=screen&view=nonsense', 'show', 'carousel-place'],
  ['view=Screen', 'dashboard', 'kpi-people'],
] as const) {
  test(`?${query || '(no view)'} loads the ${build} build only, and draws its view`, async ({ page }) => {
    const seen = requests(page);
    await page.goto(`./?node=520603&${query}`);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await expect(page.getByTestId(shown).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe(build);
    expect(builds(seen)).toEqual(build === 'show' ? { dashboard: 0, show: 2 } : { dashboard: 2, show: 0 });
  });
}

test('a link to the other build loads the page again, once, also when followed again later', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?node=520603');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  for (let round = 1; round <= 2; round++) {
    await page.getByTestId('link-screen').click();
    await expect(page.getByTestId('carousel-place')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe('show');
    await page.goto('./?node=520603');
    await expect(page.getByTestId('kpi-people')).toBeVisible();
  }
  expect(builds(seen).show).toBe(2 * 2);
});

test('a build that is handed a view it lacks twice for one address says so instead of loading again', async ({ page }) => {
  await page.goto('./?node=520603&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  // As if the loader had picked this build again for the big screen's address.
  const href = new URL('./?node=520603&lang=en&view=screen', page.url()).href;
  await page.evaluate((h) => sessionStorage.setItem('anju.reloaded-for', h), href);
  let loads = 0;
  page.on('load', () => loads++);
  await page.evaluate((h) => history.pushState(null, '', h), href);
  await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
  await expect(page.getByTestId('error')).toContainText('view=');
  expect(loads).toBe(0);
});

// Before the app is up (a phone over a slow network waits seconds for the wasm), the page
// says what it is and that it is loading; once the app is there, that note is gone.
test('while the wasm is on its way the page says it is loading, and the app replaces that', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  const shell = page.locator('.shell');
  await expect(shell).toBeVisible();
  await expect(shell).toContainText('易地扶贫搬迁后续扶持监测');
  await expect(shell).toContainText('relocation follow-up support');
  await expect(page.getByRole('status')).toHaveText('正在载入… Loading…');
  await page.screenshot({ path: 'test-results/screenshots/loading-shell.png' });
  release();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(shell).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: '正在载入' })).toHaveCount(0);
});

test('a build that cannot be loaded says so under the product name, in place of "loading"', async ({ page }) => {
  await page.route('**/*_bg.wasm', (route) => route.abort());
  await page.goto('./?view=screen');
  const shell = page.locator('.shell');
  await expect(shell.getByRole('alert')).toContainText('页面未能加载，请刷新');
  await expect(shell.getByRole('alert')).toContainText('reload it');
  await expect(shell).toContainText('易地扶贫搬迁后续扶持监测');
  await expect(page.getByText('正在载入')).toBeHidden();
});
