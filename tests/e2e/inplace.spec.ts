import { test, expect, Page } from '@playwright/test';
import { Dataset } from './data';

// The dashboard is built once and follows the place on show: a drill changes its figures,
// rows, links and chart paintings in place. Nothing of the place before may stay: every
// link names the new place with the filters as they are, and each drill is drawn (the
// benchmarks' measure is recorded) also where the page's shape changes (into a building
// and back up).

const ds = new Dataset();

const paints = (page: Page) => page.locator('canvas').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-paints'))));
const drills = (page: Page) => page.evaluate(() => performance.getEntriesByName('anju-drill').length);

test('a drill keeps the page and its charts, paints them for the new place, and every link follows it', async ({ page }) => {
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.evaluate(() => { (window as any).__kept = [...document.querySelectorAll('canvas, header.top, .kpis, .data-table')]; });
  const before = await paints(page);
  const county = ds.children('5206')[0].id;
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', county);
  await expect.poll(() => drills(page)).toBe(1);

  // The same page, its charts painted again.
  expect(await page.evaluate(() => (window as any).__kept.every((e: Element) => e.isConnected))).toBe(true);
  const after = await paints(page);
  expect(after).toHaveLength(before.length);
  after.forEach((n, i) => expect(n, `canvas ${i}`).toBeGreaterThan(before[i]));

  // The new place's figures and rows, and links that name it.
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', ds.kpis(county).people);
  const kids = ds.children(county).map((n) => n.id);
  await expect(page.getByTestId('child-row')).toHaveCount(Math.min(kids.length, 100));
  const rows = await page.getByTestId('child-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')!));
  expect([...rows].sort()).toEqual([...kids].sort().slice(0, rows.length));
  for (const hook of ['link-screen', 'link-present', 'link-import']) {
    await expect(page.getByTestId(hook)).toHaveAttribute('href', new RegExp(`node=${county}(&|$)`));
  }
  await expect(page.locator('.lang-switch')).toHaveAttribute('href', new RegExp(`node=${county}(&|$)`));
  await expect(page.getByTestId('crumb').last()).toHaveAttribute('data-node-id', county);
  await expect(page.getByTestId('crumb').last()).toHaveAttribute('aria-current', 'page');
  const first = page.getByTestId('child-row').first();
  const firstId = (await first.getAttribute('data-node-id'))!;
  await expect(first.locator('th a')).toHaveAttribute('href', new RegExp(`node=${firstId}(&|$)`));
  await expect(page.getByTestId('chart-ranking').locator('.chart-data tbody tr').first()).toContainText(ds.rankedByRate(county)[0].name);
});

test('each drill is drawn, into a building (no ranking, no table) and back up', async ({ page }) => {
  // Down by rows to a building, then up by the crumbs: the page's shape changes twice.
  let id = '5206';
  await page.goto(`./?node=${id}`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const path = [id];
  while (ds.children(id).length > 0) {
    id = ds.children(id)[0].id;
    path.push(id);
    await page.locator(`[data-testid="child-row"][data-node-id="${id}"] th a`).click();
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', id);
    await expect.poll(() => drills(page), `drawn at ${id}`).toBe(path.length - 1);
  }
  expect(ds.node(id).level).toBe('building');
  await expect(page.getByTestId('chart-ranking')).toHaveCount(0);
  await expect(page.getByTestId('child-row')).toHaveCount(0);
  await expect(page.getByTestId('risk-legend')).toBeVisible();
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', ds.kpis(id).people);

  // Two levels up (the crumbs start at the root, one above where the walk began).
  const up = path[path.length - 3];
  await page.getByTestId('crumb').nth(path.length - 2).click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', up);
  await expect.poll(() => drills(page), `drawn back at ${up}`).toBe(path.length);
  await expect(page.getByTestId('risk-legend')).toHaveCount(0);
  await expect(page.getByTestId('child-row')).toHaveCount(Math.min(ds.children(up).length, 100));
  await expect(page.getByTestId('chart-ranking').locator('canvas')).toHaveAttribute('data-paints', /^[1-9]/);
});

test('a measure chosen for the ranking is kept by every link of the view, rows and sort headers included', async ({ page }) => {
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const select = page.locator('.chart-card:has([data-testid=chart-ranking]) select');
  const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.length).toBeGreaterThan(1);
  const current = await select.inputValue();
  const chosen = options.find((v) => v !== current)!;
  await select.selectOption(chosen);
  await expect(page).toHaveURL(/metric=/);
  const raw = new URL(page.url()).search.match(/metric=[^&]*/)![0];
  const param = new RegExp(`${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(&|$)`);
  // No shard is loaded for this: the view stays, and its links follow the URL.
  await expect(page.getByTestId('child-row').first().locator('th a')).toHaveAttribute('href', param);
  await expect(page.locator('.data-table thead th a').first()).toHaveAttribute('href', param);
  await expect(page.getByTestId('crumb').first()).toHaveAttribute('href', param);
  await expect(page.getByTestId('link-screen')).toHaveAttribute('href', param);
  // Followed, a row keeps it.
  const next = (await page.getByTestId('child-row').first().getAttribute('data-node-id'))!;
  await page.getByTestId('child-row').first().locator('th a').click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', next);
  await expect(page).toHaveURL(param);
  await expect(select).toHaveValue(chosen);
});
