import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv';
import { Dataset, Node } from './data';
import { fullShot } from './shots';

// What staff (社区干部, 网格员) hit in their first hour, often on a phone: the risk view,
// tables on a phone, alerts that count a household once, CSV that adds up, links to the
// other views, and the keyboard.
const ds = new Dataset();
const ZHIJIN = '520524';
const SHOTS = 'test-results/screenshots';

async function ready(page: Page) { await expect(page.getByTestId('app-ready')).toBeAttached(); }

function descendants(id: string): Node[] {
  const out: Node[] = [];
  const walk = (n: string) => { for (const c of ds.children(n)) { out.push(c); walk(c.id); } };
  walk(id);
  return out;
}

/** Most first, ties by name (code points), as the app ranks. */
const most = (v: (n: Node) => number) => (a: Node, b: Node) => v(b) - v(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function csvOf(page: Page, testid: string, nth = 0): Promise<string[][]> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).nth(nth).click()]);
  const bytes = readFileSync((await d.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

test('risk=red ranks by red households, most first, with tiles and a where-to-go list per colour', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}&risk=red,yellow`);
  await ready(page);
  const county = ds.node(ZHIJIN);
  for (const c of ['red', 'yellow']) {
    const tile = page.getByTestId(`kpi-risk_${c}`);
    await expect(tile).toHaveAttribute('data-value', String(ds.count(county, `risk_${c}`)));
    const share = (100 * ds.count(county, `risk_${c}`) / ds.count(county, 'households')).toFixed(1);
    await expect(tile).toContainText(`${share}%`);
  }
  // The ranking: by red households (the first colour), most first.
  const chartRows = page.getByTestId('chart-ranking').locator('tbody tr');
  const byRed = ds.children(ZHIJIN).sort(most((n) => ds.count(n, 'risk_red')));
  expect(ds.count(byRed[0], 'risk_red')).toBeGreaterThan(ds.count(byRed[byRed.length - 1], 'risk_red'));
  await expect(chartRows).toHaveCount(Math.min(byRed.length, 30));
  const names = await chartRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent));
  expect(names).toEqual(byRed.slice(0, 30).map((n) => n.name));
  // The share switch: red households of all households.
  await page.getByTestId('rank-by-share').click();
  await expect(page).toHaveURL(/metric=risk_red_share/);
  await expect(page.getByTestId('rank-by-share')).toHaveAttribute('aria-current', 'true');
  const byShare = ds.children(ZHIJIN).sort(most((n) => ds.count(n, 'risk_red') / ds.count(n, 'households')));
  await expect.poll(() => chartRows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td')!.textContent))).toEqual(byShare.slice(0, 30).map((n) => n.name));
  // Where to go, per colour: the buildings with the most households of it.
  for (const c of ['red', 'yellow']) {
    const key = `risk_${c}`;
    const want = descendants(ZHIJIN).filter((n) => n.level === 'building' && ds.count(n, key) > 0)
      .sort((a, b) => ds.count(b, key) - ds.count(a, key) || (a.id < b.id ? -1 : 1)).slice(0, 20);
    const rows = page.getByTestId('where-to-go').locator(`[data-risk="${c}"] [data-testid="where-row"]`);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')))).toEqual(want.map((b) => b.id));
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')))).toEqual(want.map((b) => String(ds.count(b, key))));
  }
});

test('risk=red alone loads every building below: the where-to-go list of a city is whole', async ({ page }) => {
  // 铜仁市's buildings are in its counties' shards, fetched because the colour asks for them.
  await page.goto('./?node=5206&risk=red');
  await ready(page);
  const want = descendants('5206').filter((n) => n.level === 'building' && ds.count(n, 'risk_red') > 0)
    .sort((a, b) => ds.count(b, 'risk_red') - ds.count(a, 'risk_red') || (a.id < b.id ? -1 : 1)).slice(0, 20);
  expect(want.length).toBe(20);
  const rows = page.getByTestId('where-to-go').locator('[data-risk="red"] [data-testid="where-row"]');
  await expect(rows).toHaveCount(20);
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')))).toEqual(want.map((b) => b.id));
});

test('a colour filter that leaves places out says so: its columns add up to less than the total', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}&risk=red`);
  await ready(page);
  const all = ds.children(ZHIJIN).length;
  const listed = ds.children(ZHIJIN).filter((c) => ds.count(c, 'risk_red') > 0).length;
  expect(listed).toBeLessThan(all);
  await expect(page.getByTestId('table-filter-note')).toHaveText(`只列出有红色风险户的 ${listed} 个地区（共 ${all} 个），各列之和因此小于上级合计。`);
  await page.goto(`./?node=${ZHIJIN}&group=disabled`);
  await ready(page);
  await expect(page.getByTestId('table-filter-note')).toHaveCount(0);
  // On a public display the alerts say that hidden places are not listed.
  await page.goto(`./?node=${ZHIJIN}&alert=zero_employment&suppress=1`);
  await ready(page);
  await expect(page.getByTestId('alerts-suppressed-note')).toBeVisible();
});

test('in English the header links to the other views read apart', async ({ page }) => {
  await page.goto('./?lang=en');
  await ready(page);
  const a = (await page.getByTestId('link-screen').boundingBox())!;
  const b = (await page.getByTestId('link-present').boundingBox())!;
  expect(b.x - (a.x + a.width)).toBeGreaterThanOrEqual(8);
});

test('on a phone (390 px) the risk view keeps the place in view: red households beside the name, the name fixed, 44 px targets', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`./?node=${ZHIJIN}&risk=red&group=disabled`);
  await ready(page);
  // The filtered columns come right after the name.
  const headers = (await page.locator('.data-table thead th').allTextContents()).map((h) => h.replace(/[▲▼\s]/g, ''));
  expect(headers.slice(0, 3)).toEqual(['名称', '残疾人', '红色风险户']);
  const first = page.getByTestId('child-row').first();
  const id = (await first.getAttribute('data-node-id'))!;
  await expect(first.locator('td').nth(1)).toHaveText(ds.count(ds.node(id), 'risk_red').toLocaleString('en-US'));
  // Scrolled sideways, the name stays where it was.
  const scroller = page.locator('.table-scroll');
  await scroller.scrollIntoViewIfNeeded();
  const before = (await first.locator('th').boundingBox())!;
  await scroller.evaluate((el) => { el.scrollLeft = 400; });
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
  const after = (await first.locator('th').boundingBox())!;
  expect(Math.abs(after.x - before.x)).toBeLessThan(1);
  await page.screenshot({ path: `${SHOTS}/phone-risk-red-table.png` });
  // Every control a finger uses is at least 44 px tall and wide.
  const small = await page.locator('.chip, .switch a, .export, .chart-export button, .breadcrumb a, .view-links a, .lang-switch, .clear-filters, [data-testid="child-row"] th a, [data-testid="where-row"] a, .pager a')
    .evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => { const r = e.getBoundingClientRect(); return [e.textContent?.slice(0, 12), Math.round(r.width), Math.round(r.height)] as const; })
      .filter(([, w, h]) => w < 44 || h < 44));
  expect(small).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await fullShot(page, `${SHOTS}/phone-risk-red.png`);
});

test('the alert badge counts each household once: it equals the KPI, and so do the rows', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}&alert=zero_employment`);
  await ready(page);
  const kpi = await page.getByTestId('kpi-zero_employment_households').getAttribute('data-value');
  expect(Number(kpi)).toBeGreaterThan(0);
  await expect(page.getByTestId('alert-count-zero_employment')).toHaveAttribute('data-value', kpi!);
  await expect(page.getByTestId('alert-count-zero_employment')).toHaveText(`${Number(kpi).toLocaleString('en-US')}户`);
  // The rows are the deepest places (a household is in its building, grid, community
  // and site: listed once, where it lives), and their households add up to the KPI.
  const want = descendants(ZHIJIN).filter((n) => !n.children?.length && ds.count(n, 'zero_employment_households') > 0);
  const shown = await page.locator('.alert-list[data-threshold="zero_employment"]').getByTestId('alert-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  expect([...shown].sort()).toEqual(want.map((n) => n.id).sort());
  // The export holds every row, with plain numbers that add up to the KPI.
  const rows = await csvOf(page, 'export-alerts');
  expect(rows[0][0]).toBe('层级');
  expect(rows[0][rows[0].length - 1]).toBe('零就业家庭（户）');
  expect(rows.length - 1).toBe(want.length);
  expect(rows.slice(1).reduce((s, r) => s + Number(r[r.length - 1]), 0)).toBe(Number(kpi));
});

test('a long alert list says how many it leaves out, on screen and in print', async ({ page }) => {
  // Buildings below the employment target in a whole city run past fifty.
  await page.goto('./?node=5206&alert=below_target');
  await ready(page);
  const list = page.locator('.alert-list[data-threshold="below_target"]');
  const cut = list.getByTestId('alert-cut').first();
  await expect(cut).toHaveText(/^前50条，共\d+条$/);
  await page.emulateMedia({ media: 'print' });
  await expect(cut).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});

test('CSV cells are plain numbers: a site of 123,456 people exports 123456, not 12.3万 (shared case ui/csv-plain-numbers)', async ({ page }) => {
  await page.goto('./?data=fixtures/cases/ui/csv-plain-numbers/index.json');
  await ready(page);
  await expect(page.locator('[data-testid="child-row"]').first().locator('td').first()).toHaveText('12.3万');
  const rows = await csvOf(page, 'export-table');
  expect(rows[0]).toEqual(['安置点', '搬迁人口（人）', '户数（户）', '就业率（%）', '人均纯收入（元）', '监测户（户）', '零就业家庭（户）', '说明']);
  expect(rows[1]).toEqual(['幸福安置点', '123456', '30', (100 * 55 / 60).toFixed(2), '11000.00', '0', '0', '']);
  expect(rows[2][1]).toBe('1234');
  // Columns add up in a spreadsheet: the sites' people are the county's.
  expect(rows.slice(1).reduce((s, r) => s + Number(r[1]), 0)).toBe(124690);
});

test('a published figure exports its stored count, with the source’s wording in the note column', async ({ page }) => {
  await page.goto('./?node=demo');
  await ready(page);
  const rows = await csvOf(page, 'export-table');
  const tongren = rows.find((r) => r[0] === '铜仁市')!;
  expect(tongren[rows[0].indexOf('搬迁人口（人）')]).toBe('293000');
  expect(tongren[rows[0].indexOf('说明')]).toMatch(/搬迁人口：公布为约?29\.3万/);
});

test('the dashboard links to the big screen and the slides for the place in view, filters kept, and back', async ({ page }) => {
  const q = `node=${ZHIJIN}&group=disabled&risk=red`;
  for (const [hook, view] of [['link-screen', 'screen'], ['link-present', 'present']]) {
    await page.goto(`./?${q}`);
    await ready(page);
    const href = (await page.getByTestId(hook).getAttribute('href'))!;
    for (const part of [`view=${view}`, `node=${ZHIJIN}`, 'group=disabled', 'risk=red']) expect(href).toContain(part);
    await page.getByTestId(hook).click();
    await expect(page).toHaveURL(new RegExp(`view=${view}`));
    await expect(page).toHaveURL(new RegExp(`node=${ZHIJIN}`));
    await expect(page.getByTestId(view === 'screen' ? 'carousel' : 'slide')).toBeVisible();
    await page.getByTestId('link-dashboard').click();
    await expect(page).not.toHaveURL(/view=/);
    await ready(page);
    await expect(page.getByTestId('filter-group-disabled')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('filter-risk-red')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', ZHIJIN);
  }
});

test('from the top of the page a drill takes at most five key presses (skip links)', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  for (const level of ['city', 'county', 'site']) {
    const here = (await page.getByTestId('node-title').getAttribute('data-node-id'))!;
    const firstChild = (await page.getByTestId('child-row').first().getAttribute('data-node-id'))!;
    const keys = ['Tab', 'Tab', 'Enter', 'Enter'];
    await page.keyboard.press(keys[0]);
    await expect(page.getByTestId('skip-main')).toBeFocused();
    await page.keyboard.press(keys[1]);
    await expect(page.getByTestId('skip-children')).toBeFocused();
    await page.keyboard.press(keys[2]);
    await expect(page.locator(`[data-testid="child-row"][data-node-id="${firstChild}"] th a`)).toBeFocused();
    await page.keyboard.press(keys[3]);
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', firstChild);
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', level);
    expect(keys.length, `from ${here}`).toBeLessThanOrEqual(5);
    // The next level from the top of its page, as a person arriving by a link would.
    await page.goto(page.url());
    await ready(page);
  }
});

// The table is laid out only near the viewport (content-visibility): on a phone, where it
// is far below, the skip link still lands on its first row, focused and in view.
test('on a phone the skip link to the table brings its first row into view, focused', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await ready(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-children')).toBeFocused();
  await page.keyboard.press('Enter');
  const first = page.getByTestId('child-row').first().locator('th a');
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/phone-skip-to-table.png` });
});
