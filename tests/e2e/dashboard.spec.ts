import { test, expect, Page } from '@playwright/test';
import { Dataset, pathTo, readFile } from './data';
import { fullShot } from './shots';

const ds = new Dataset();

/** Fails the test on any page error or console error (a Rust panic shows as one). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('Failed to load resource')) errors.push(m.text()); });
  return errors;
}

async function expectNode(page: Page, id: string) {
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', id);
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', ds.node(id).level);
}

/** Every KPI tile's data-value equals the figure computed from the JSON. */
async function expectKpis(page: Page, id: string) {
  for (const [key, value] of Object.entries(ds.kpis(id))) {
    await expect(page.getByTestId(`kpi-${key}`), `${id} kpi-${key}`).toHaveAttribute('data-value', value);
  }
}

async function noHorizontalScroll(page: Page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, 'no horizontal scrolling').toBeLessThanOrEqual(inner);
}

test('drill from the root to a building by chart bar and table rows, checking every KPI', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const root = ds.root;
  await expectNode(page, root.id);
  await expectKpis(page, root.id);
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-value', ds.index.dataset.as_of);

  // A bar of the ranking chart, clicked where the test itself computes it is drawn: rows
  // in ranking order, labels in the left 32% (72–190 px), 8 px top margin, 24 px bottom.
  const ranked = ds.rankedByRate(root.id);
  const pick = 1;
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const labelW = Math.min(190, Math.max(72, box.width * 0.32));
  const plotW = box.width - labelW - 64;
  const band = (box.height - 32) / Math.min(ranked.length, 30);
  const rate = ds.rate(ranked[pick])!;
  await canvas.click({ position: { x: labelW + (plotW * rate) / 2, y: 8 + band * (pick + 0.5) } });
  await expectNode(page, ranked[pick].id);
  await expectKpis(page, ranked[pick].id);

  // Then table rows, first child each time, down to a building.
  let id = ranked[pick].id;
  const visited = [root.id, id];
  while (ds.children(id).length > 0) {
    const next = ds.children(id)[0].id;
    await page.locator(`[data-testid="child-row"][data-node-id="${next}"] td`).first().click();
    await expectNode(page, next);
    await expectKpis(page, next);
    id = next;
    visited.push(id);
  }
  expect(ds.node(id).level).toBe('building');
  // The building page: its colour legend and seven-colour groups.
  await expect(page.getByTestId('risk-legend')).toBeVisible();
  await expect(page.locator('.seven-colours li')).toHaveCount(7);
  // Breadcrumb: the whole path, each crumb naming its node.
  const crumbs = page.getByTestId('crumb');
  await expect(crumbs).toHaveCount(visited.length);
  for (let i = 0; i < visited.length; i++) await expect(crumbs.nth(i)).toHaveAttribute('data-node-id', visited[i]);

  // Reload at the building: the same view, its shard found from the URL alone.
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expectNode(page, id);
  await expectKpis(page, id);

  // Climb back by the breadcrumb to the county.
  const county = visited[2];
  await page.locator(`[data-testid="crumb"][data-node-id="${county}"]`).click();
  await expectNode(page, county);
  await expectKpis(page, county);

  // Browser back returns to the building, forward to the county again.
  await page.goBack();
  await expectNode(page, id);
  await page.goForward();
  await expectNode(page, county);
  expect(errors).toEqual([]);
});

test('the children table sorts by a column, both ways, from the URL', async ({ page }) => {
  const errors = watchErrors(page);
  const city = '5206';
  await page.goto(`./?node=${city}`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const rows = page.getByTestId('child-row');
  // Most people first; equal counts by name, as the app orders them.
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const byPeople = ds.children(city).sort((a, b) => ds.count(b, 'people') - ds.count(a, 'people') || byName(a, b)).map((n) => n.id);
  await expect(rows).toHaveCount(byPeople.length);
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')))).toEqual(byPeople);
  await page.getByRole('columnheader', { name: /就业率/ }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=-employment_rate/);
  const byRate = ds.rankedByRate(city).map((n) => n.id);
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')))).toEqual(byRate);
  await page.getByRole('columnheader', { name: /就业率/ }).getByRole('link').click();
  await expect(page).toHaveURL(/sort=employment_rate/);
  expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')))).toEqual([...byRate].reverse());
  expect(errors).toEqual([]);
});

test('English with lang=en, numbers in official forms in Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?node=520603&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.title')).toHaveText(ds.index.dataset.title.en);
  await expect(page.getByTestId('node-title')).toContainText('Wanshan');
  await expect(page.getByTestId('kpi-employment_rate')).toContainText('Employment rate');
  await expect(page.getByTestId('kpi-employment_rate')).toContainText('94.7%');
  await expect(page.getByTestId('kpi-income_per_capita')).toContainText('¥12,450.99');
  await expect(page.getByTestId('kpi-income_per_capita')).toContainText('+12.6%');
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('kpi-people')).toContainText('万人');
  // Published figures carry their source.
  await page.goto('./?node=520603');
  const mark = page.getByTestId('kpi-labour').locator('[data-provenance="published"]');
  await expect(mark).toHaveAttribute('title', /万山搬迁群众/);
  await expect(page.getByTestId('kpi-people').locator('[data-provenance="synthesised"]')).toBeVisible();
  expect(errors).toEqual([]);
});

test('an unknown node or a bad parameter gives a notice and the default view', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('./?node=no-such-place&metric=happiness&view=tv');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expectNode(page, ds.root.id);
  const notices = page.getByTestId('notice');
  await expect(notices).toHaveCount(3);
  await expect(notices.filter({ hasText: 'no-such-place' })).toHaveCount(1);
  await expect(notices.filter({ hasText: 'metric' })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('a broken index shows an error panel naming the file, never a blank page; retry recovers', async ({ page }) => {
  await page.route('**/data/index.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{"format":"anju-dataset","schema_version":1,' }));
  await page.goto('./');
  const err = page.getByTestId('error');
  await expect(err).toBeVisible();
  await expect(err).toContainText('data/index.json');
  await expect(err).toContainText('JSON');
  await expect(err).toContainText('截断');
  await page.unroute('**/data/index.json');
  await err.getByRole('button').click();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expectNode(page, ds.root.id);
});

test('a shard that fails validation keeps the current view and says what is wrong', async ({ page }) => {
  const errors = watchErrors(page);
  const county = '520603';
  const shard = ds.node(county).shard!;
  await page.route(`**/data/${shard}`, async (r) => {
    // Served as version 1 (the app reads both): each node's figures in the node.
    const doc = readFile(`public/data/${shard}`);
    // An unbounded count: only the sums (site against its children, county against its sites) break.
    doc.nodes[0].m.cameras = (Array.isArray(doc.nodes[0].m.cameras) ? 0 : doc.nodes[0].m.cameras ?? 0) + 1000;
    await r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) });
  });
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] td`).first().click();
  const err = page.getByTestId('error');
  await expect(err).toBeVisible();
  await expect(err).toContainText(shard);
  await expect(err).toContainText('下级合计');
  // What was shown stays.
  await expectNode(page, '5206');
  await expectKpis(page, '5206');
  expect(errors).toEqual([]);
});

test('while a shard loads, loading shows and the previous view stays', async ({ page }) => {
  const county = '520621';
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  await page.route(`**/data/${ds.node(county).shard}`, async (r) => { await gate; await r.continue(); });
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] td`).first().click();
  await expect(page.getByTestId('loading')).toBeVisible();
  await expectNode(page, '5206');
  release();
  await expectNode(page, county);
  await expect(page.getByTestId('loading')).toHaveCount(0);
});

for (const [w, h] of [[1366, 768], [390, 844]]) {
  test(`layout at ${w}×${h}: no horizontal scrolling; screenshots`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize({ width: w, height: h });
    for (const [name, query] of [['root', ''], ['county', '?node=520603'], ['site', '?node=520524-S1'], ['building', `?node=${pathTo(ds, '520524-S1-C1-G1-B1').pop()}`]]) {
      await page.goto(`./${query}`);
      await expect(page.getByTestId('app-ready')).toBeAttached();
      await noHorizontalScroll(page);
      await fullShot(page, `test-results/screenshots/${name}-${w}x${h}.png`);
    }
    expect(errors).toEqual([]);
  });
}

test('charts are crisp on HiDPI, redraw on resize, and show tooltips', async ({ browser }) => {
  const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const size = async () => canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.getBoundingClientRect().width]);
  const [px, css] = await size();
  expect(px).toBe(Math.round(css * 2));
  await page.setViewportSize({ width: 900, height: 768 });
  await expect.poll(async () => (await size())[1]).not.toBe(css);
  const [px2, css2] = await size();
  expect(px2).toBe(Math.round(css2 * 2));
  // Hovering a bar names the place and its value.
  const box = (await canvas.boundingBox())!;
  const ranked = ds.rankedByRate('5206');
  const band = (box.height - 32) / Math.min(ranked.length, 30);
  await canvas.hover({ position: { x: box.width / 2, y: 8 + band * 0.5 } });
  await expect(page.locator('.tooltip')).toContainText(ranked[0].name);
  // The text alternative holds the same numbers.
  const table = page.getByTestId('chart-ranking').locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(ranked.length);
  await expect(table.locator('tbody tr').first()).toContainText(ranked[0].name);
  await context.close();
});
