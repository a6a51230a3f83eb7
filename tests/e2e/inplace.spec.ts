import { test, expect, Page } from '@playwright/test';
import { Dataset } from './data';

// The dashboard is built once and follows the place on show: a drill changes its figures,
// rows, links and chart paintings in place. Nothing of the place before may stay: every
// link names the new place with the filters as they are, and each drill is drawn (the
// benchmarks' measure is recorded) also where the page's shape changes (into a building
// and back up).

const ds = new Dataset();

/** Each canvas drawn as its painting sets it: its pixel height its CSS height times the
 * device's pixel ratio (an attribute written after the painting would reset it and clear
 * the drawing), and some ink on it. */
const canvases = (page: Page) => page.locator('canvas').evaluateAll((cs) => cs.map((c) => {
  const canvas = c as HTMLCanvasElement;
  const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = false;
  for (let i = 3; i < d.length && !ink; i += 4) ink = d[i] !== 0;
  const chart = canvas.closest('[data-testid^=chart-]')!.getAttribute('data-testid');
  return { chart, sized: canvas.height === Math.round(parseFloat(canvas.style.height) * devicePixelRatio), ink };
}));

/** Arms a check of the next view drawn: when the app marks it drawn, every canvas on the
 * page must have painted since this call (one kept from the place before painted again,
 * one mounted for the next painted once). Read with `stale`. */
const armDrawn = (page: Page) => page.evaluate(() => {
  const before = new Map([...document.querySelectorAll('canvas')].map((c) => [c, Number(c.getAttribute('data-paints') ?? 0)]));
  const w = window as any;
  w.__stale = undefined;
  const mark = performance.mark.bind(performance);
  performance.mark = ((name: string, opts?: PerformanceMarkOptions) => {
    if (name === 'anju-view-drawn' && w.__stale === undefined) {
      w.__stale = [...document.querySelectorAll('canvas')]
        .filter((c) => Number(c.getAttribute('data-paints') ?? 0) <= (before.get(c) ?? 0))
        .map((c) => c.closest('[data-testid^=chart-]')?.getAttribute('data-testid'));
    }
    return mark(name, opts);
  }) as typeof performance.mark;
});
const stale = (page: Page) => page.evaluate(() => (window as any).__stale);

const paints = (page: Page) => page.locator('canvas').evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-paints'))));
const drills = (page: Page) => page.evaluate(() => performance.getEntriesByName('anju-drill').length);

test('a drill keeps the page and its charts, paints them for the new place, and every link follows it', async ({ page }) => {
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.evaluate(() => { (window as any).__kept = [...document.querySelectorAll('canvas, header.top, .kpis, .data-table')]; });
  const before = await paints(page);
  // A county with another number of bars in its ranking than the city has (its canvas
  // changes height).
  const bars = (id: string) => Math.min(ds.children(id).length, 31);
  const county = ds.children('5206').map((n) => n.id).find((id) => bars(id) !== bars('5206'))!;
  expect(county).toBeTruthy();
  await armDrawn(page);
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', county);
  await expect.poll(() => drills(page)).toBe(1);

  // The same page, its charts painted again.
  expect(await page.evaluate(() => (window as any).__kept.every((e: Element) => e.isConnected))).toBe(true);
  const after = await paints(page);
  expect(after).toHaveLength(before.length);
  after.forEach((n, i) => expect(n, `canvas ${i}`).toBeGreaterThan(before[i]));
  expect(await stale(page), 'charts not painted for the place when it was marked drawn').toEqual([]);
  for (const c of await canvases(page)) expect(c, `${c.chart} drawn at its size, with ink`).toEqual({ chart: c.chart, sized: true, ink: true });

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
    await armDrawn(page);
    await page.locator(`[data-testid="child-row"][data-node-id="${id}"] th a`).click();
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', id);
    await expect.poll(() => drills(page), `drawn at ${id}`).toBe(path.length - 1);
    expect(await stale(page), `charts not painted at ${id} when it was marked drawn`).toEqual([]);
  }
  expect(ds.node(id).level).toBe('building');
  await expect(page.getByTestId('chart-ranking')).toHaveCount(0);
  await expect(page.getByTestId('child-row')).toHaveCount(0);
  await expect(page.getByTestId('risk-legend')).toBeVisible();
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', ds.kpis(id).people);

  // Two levels up (the crumbs start at the root, one above where the walk began).
  const up = path[path.length - 3];
  await armDrawn(page);
  await page.getByTestId('crumb').nth(path.length - 2).click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', up);
  await expect.poll(() => drills(page), `drawn back at ${up}`).toBe(path.length);
  expect(await stale(page), `charts not painted back at ${up} when it was marked drawn`).toEqual([]);
  for (const c of await canvases(page)) expect(c, `${c.chart} drawn at its size, with ink`).toEqual({ chart: c.chart, sized: true, ink: true });
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

test('a tooltip of the place before does not stay over the next place, however the place changed', async ({ page }) => {
  // Tall enough that nothing scrolls: a scroll would move the pointer off the chart.
  await page.setViewportSize({ width: 1366, height: 2400 });
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const county = ds.children('5206')[0].id;
  await page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`).click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', county);
  // The pointer on the county's first bar, then back by the browser (the pointer stays).
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const ranked = ds.rankedByRate(county);
  const band = (box.height - 32) / Math.min(ranked.length, 30);
  await canvas.hover({ position: { x: box.width / 2, y: 8 + band * 0.5 } });
  await expect(page.locator('.tooltip')).toContainText(ranked[0].name);
  await page.goBack();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '5206');
  await page.waitForTimeout(300);
  await expect(page.locator('.tooltip', { hasText: ranked[0].name })).toHaveCount(0);
});

test('a drill by keyboard lets go of the focus: no link naming another place keeps it, then or after', async ({ page }) => {
  await page.goto('./?node=5206');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const county = ds.children('5206')[1].id;
  const link = page.locator(`[data-testid="child-row"][data-node-id="${county}"] th a`);
  await link.focus();
  await expect(link).toBeFocused();
  // The element holding the focus at each change of the page's title, until it names the
  // county: never a link (the row's link stays on the page and comes to name a child of
  // the county).
  await page.evaluate(() => {
    const w = window as any;
    w.__focused = [];
    new MutationObserver(() => w.__focused.push(document.activeElement?.tagName)).observe(document.querySelector('[data-testid=node-title]')!, { attributes: true, childList: true, subtree: true, characterData: true });
  });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', county);
  const seen: string[] = await page.evaluate(() => (window as any).__focused);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((t) => t !== 'A')).toBe(true);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
});
