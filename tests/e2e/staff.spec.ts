import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv';
import { Dataset, Node, pathTo } from './data';

const ds = new Dataset();
const ZHIJIN = '520524';

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return errors;
}

function descendants(id: string): Node[] {
  const out: Node[] = [];
  const walk = (n: string) => { for (const c of ds.children(n)) { out.push(c); walk(c.id); } };
  walk(id);
  return out;
}

/** The employment-rate target in force at a node: its own, else its nearest ancestor's. */
function target(id: string): number | null {
  for (let cur: string | undefined = id; cur; cur = ds.parent.get(cur)) {
    const t = ds.node(cur).targets?.employment_rate;
    if (t !== undefined) return t;
  }
  return null;
}

async function ready(page: Page) { await expect(page.getByTestId('app-ready')).toBeAttached(); }
const ids = (page: Page, testid: string) => page.getByTestId(testid).evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));

test('selecting disabled at 织金县: KPIs, ranking, table and where-to-go equal the data', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?node=${ZHIJIN}`);
  await ready(page);
  const chip = page.getByTestId('filter-group-disabled');
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await chip.click();
  await expect(page).toHaveURL(/group=disabled/);
  await expect(page.getByTestId('filter-group-disabled')).toHaveAttribute('aria-pressed', 'true');
  const county = ds.node(ZHIJIN);
  await expect(page.getByTestId('kpi-disabled')).toHaveAttribute('data-value', String(ds.count(county, 'disabled')));
  const share = (100 * ds.count(county, 'disabled') / ds.count(county, 'people')).toFixed(1);
  await expect(page.getByTestId('kpi-disabled')).toContainText(`${share}%`);

  // The ranking ranks the children by disabled people (its table alternative, in order).
  const byDisabled = ds.children(ZHIJIN).sort((a, b) => ds.count(b, 'disabled') - ds.count(a, 'disabled') || (a.name < b.name ? -1 : 1));
  const chartRows = page.getByTestId('chart-ranking').locator('tbody tr');
  await expect(chartRows).toHaveCount(Math.min(byDisabled.length, 30));
  for (let i = 0; i < Math.min(byDisabled.length, 30); i++) {
    await expect(chartRows.nth(i).locator('td').nth(0)).toHaveText(byDisabled[i].name);
    await expect(chartRows.nth(i).locator('td').nth(1)).toHaveText(ds.count(byDisabled[i], 'disabled').toLocaleString('en-US'));
  }
  // Switch to share: ranked by disabled / people.
  await page.getByTestId('rank-by-share').click();
  await expect(page).toHaveURL(/metric=disabled_share/);
  const byShare = ds.children(ZHIJIN).sort((a, b) => ds.count(b, 'disabled') / ds.count(b, 'people') - ds.count(a, 'disabled') / ds.count(a, 'people'));
  await expect(chartRows.first().locator('td').nth(0)).toHaveText(byShare[0].name);

  // The table gains the group's column right after the name, equal to the data row by row.
  const header = page.locator('.data-table thead th');
  await expect(header.nth(1)).toHaveText(/残疾人/);
  for (const c of ds.children(ZHIJIN)) {
    const cell = page.locator(`[data-testid="child-row"][data-node-id="${c.id}"] td`).first();
    await expect(cell).toContainText(ds.count(c, 'disabled').toLocaleString('en-US'));
  }

  // Where to go: the first building is the one with the most disabled people (ties by id).
  const buildings = descendants(ZHIJIN).filter((n) => n.level === 'building' && ds.count(n, 'disabled') > 0)
    .sort((a, b) => ds.count(b, 'disabled') - ds.count(a, 'disabled') || (a.id < b.id ? -1 : 1));
  const rows = page.getByTestId('where-to-go').locator('[data-group="disabled"] [data-testid="where-row"]');
  await expect(rows).toHaveCount(Math.min(20, buildings.length));
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')))).toEqual(buildings.slice(0, 20).map((b) => b.id));
  await expect(rows.first()).toHaveAttribute('data-value', String(ds.count(buildings[0], 'disabled')));
  // Each entry links to its building.
  await rows.first().getByRole('link').click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', buildings[0].id);
  expect(errors).toEqual([]);
});

test('two groups are shown side by side, never added, and the interface says so', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}&group=disabled,left_behind_children`);
  await ready(page);
  await expect(page.getByTestId('overlap-note')).toBeVisible();
  const county = ds.node(ZHIJIN);
  await expect(page.getByTestId('kpi-disabled')).toHaveAttribute('data-value', String(ds.count(county, 'disabled')));
  await expect(page.getByTestId('kpi-left_behind_children')).toHaveAttribute('data-value', String(ds.count(county, 'left_behind_children')));
  const lists = page.getByTestId('where-to-go').locator('.wtg');
  await expect(lists).toHaveCount(2);
  await expect(lists.nth(0)).toHaveAttribute('data-group', 'disabled');
  await expect(lists.nth(1)).toHaveAttribute('data-group', 'left_behind_children');
  const box0 = (await lists.nth(0).boundingBox())!, box1 = (await lists.nth(1).boundingBox())!;
  expect(Math.abs(box0.y - box1.y)).toBeLessThan(2); // side by side
  const headers = await page.locator('.data-table thead th').allTextContents();
  expect(headers.slice(1, 3).map((h) => h.replace(/[▲▼\s]/g, ''))).toEqual(['残疾人', '留守儿童']);
  // No combined "either group" figure anywhere.
  await expect(page.getByText(/合计.*(残疾人|留守儿童)/)).toHaveCount(0);
});

test('risk=red lists exactly the children that have red households, and how many', async ({ page }) => {
  for (const id of ['5206', ZHIJIN, '520524-S1']) {
    await page.goto(`./?node=${id}&risk=red`);
    await ready(page);
    await expect(page.getByTestId('filter-risk-red')).toHaveAttribute('aria-pressed', 'true');
    const expected = ds.children(id).filter((c) => ds.count(c, 'risk_red') > 0);
    const shown = await ids(page, 'child-row');
    expect(shown.sort()).toEqual(expected.map((c) => c.id).sort());
    for (const c of expected) {
      await expect(page.locator(`[data-testid="child-row"][data-node-id="${c.id}"] td`).first()).toHaveText(ds.count(c, 'risk_red').toLocaleString('en-US'));
    }
  }
});

test('the alerts panel lists exactly the places that break each threshold, most severe first', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(`./?node=${ZHIJIN}&alert=below_target,zero_employment,low_income,still_at_risk`);
  await ready(page);
  const below = descendants(ZHIJIN);
  const deepest = below.filter((n) => !n.children?.length);
  const expected: Record<string, [string, number][]> = {
    below_target: below.flatMap((n) => { const r = ds.rate(n), t = target(n.id); return r !== null && t !== null && r < t ? [[n.id, (t - r) * 100]] : []; }),
    // Counts of households are listed where the households live (the deepest places).
    zero_employment: deepest.flatMap((n) => ds.count(n, 'zero_employment_households') > 0 ? [[n.id, ds.count(n, 'zero_employment_households')]] : []),
    low_income: below.flatMap((n) => { const v = ds.income(n); return v !== null && v < 10000 ? [[n.id, 10000 - v]] : []; }),
    still_at_risk: deepest.flatMap((n) => { const o = ds.count(n, 'monitored_households') - ds.count(n, 'risk_eliminated_households'); return o > 0 ? [[n.id, o]] : []; }),
  };
  for (const [key, list] of Object.entries(expected)) {
    const section = page.getByTestId('alerts').locator(`.alert-list[data-threshold="${key}"]`);
    // A count of households is the place's own (each household once, as its KPI says);
    // otherwise the number of places.
    const own = key === 'zero_employment' ? ds.count(ds.node(ZHIJIN), 'zero_employment_households')
      : key === 'still_at_risk' ? ds.count(ds.node(ZHIJIN), 'monitored_households') - ds.count(ds.node(ZHIJIN), 'risk_eliminated_households')
      : list.length;
    await expect(page.getByTestId(`alert-count-${key}`)).toHaveAttribute('data-value', String(own));
    const more = section.locator('button.show-all');
    if (await more.count()) await expect(section.getByTestId('alert-cut').first()).toHaveText(/^前50条，共\d+条$/);
    if (await more.count()) await more.click();
    const shown = await section.getByTestId('alert-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
    expect(shown.length, key).toBe(list.length);
    expect([...shown].sort(), key).toEqual(list.map((x) => x[0]).sort());
    // Level by level, most severe first within each.
    const sev = new Map(list);
    const depth = (id: string) => ['site', 'community', 'grid', 'building'].indexOf(ds.node(id).level);
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1]!, shown[i]!];
      expect(depth(a), key).toBeLessThanOrEqual(depth(b));
      if (depth(a) === depth(b)) expect(sev.get(a)! + 1e-9, key).toBeGreaterThanOrEqual(sev.get(b)!);
    }
  }
  expect(errors).toEqual([]);
});

test('the table exports as UTF-8 CSV with a BOM: the rows of the table, in its order, as plain numbers', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}&group=disabled`);
  await ready(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-table').click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(bytes.subarray(3).toString('utf8'));
  expect(csv[0]).toEqual(['安置点', '残疾人（人）', '残疾人占比（%）', '搬迁人口（人）', '户数（户）', '就业率（%）', '人均纯收入（元）', '监测户（户）', '零就业家庭（户）', '说明']);
  const names = await page.getByTestId('child-row').evaluateAll((trs) => trs.map((tr) => tr.querySelector('th')!.textContent));
  expect(csv.slice(1).map((r) => r[0])).toEqual(names);
  for (const r of csv.slice(1)) {
    const c = ds.children(ZHIJIN).find((n) => n.name === r[0])!;
    expect(r[1]).toBe(String(ds.count(c, 'disabled')));
    expect(r[2]).toBe((100 * ds.count(c, 'disabled') / ds.count(c, 'people')).toFixed(2));
    expect(r[3]).toBe(String(ds.count(c, 'people')));
    expect(r[5]).toBe((100 * ds.rate(c)!).toFixed(2));
    expect(r[6]).toBe(ds.income(c)!.toFixed(2));
  }
  // The where-to-go list exports too: rank, path one column per level, the count.
  const [wtg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-where-to-go').click()]);
  const wb = readFileSync((await wtg.path())!);
  expect([...wb.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const wrows = parseCsv(wb.subarray(3).toString('utf8'));
  expect(wrows[0]).toEqual(['序号', '安置点', '社区', '网格', '楼栋', '残疾人（人）']);
  const items = await page.getByTestId('where-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-node-id')!, e.getAttribute('data-value')!]));
  expect(wrows.slice(1).map((r) => r[5])).toEqual(items.map((x) => x[1]));
  for (const [i, r] of wrows.slice(1).entries()) {
    const path = pathTo(ds, items[i][0]);
    expect(r.slice(1, 5)).toEqual(path.slice(path.indexOf(ZHIJIN) + 1).map((id) => ds.node(id).name));
  }
});

test('suppress=1 leaves no 1 or 2 visible anywhere, export included', async ({ page }) => {
  // A grid with a building of 1 or 2 disabled people (so something must be hidden), with
  // groups, risk and alerts all on.
  const grid = [...ds.nodes.values()].find((n) => n.level === 'grid' && ds.children(n.id).some((c) => [1, 2].includes(ds.count(c, 'disabled'))))!.id;
  await page.goto(`./?node=${grid}&suppress=1&group=disabled,left_behind_children,empty_nest_elderly&risk=red,yellow&alert=zero_employment,still_at_risk`);
  await ready(page);
  const small = /^[12](\D*)$/;
  const texts = async (sel: string) => (await page.locator(sel).allTextContents()).map((t) => t.trim());
  const values = await page.locator('[data-value]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
  expect(values.filter((v) => v === '1' || v === '2')).toEqual([]);
  for (const sel of ['.kpi-value', 'td.num', '.wtg li b', '.alert-list .why', '.chart-data td:not(:first-child)']) {
    const bad = (await texts(sel)).filter((t) => small.test(t) || /^[12]\s/.test(t) || /（[12]）/.test(t));
    expect(bad, sel).toEqual([]);
  }
  expect(await texts('td.num')).toContain('*'); // there were small cells, and they are hidden
  // Tooltips: hover every bar of the ranking (by disabled people); none names a 1 or 2.
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const n = Math.min(ds.children(grid).length, 30);
  const tips: string[] = [];
  for (let i = 0; i < n; i++) {
    await canvas.hover({ position: { x: box.width / 2, y: 8 + ((box.height - 32) / n) * (i + 0.5) } });
    tips.push((await page.locator('.tooltip').textContent()) ?? '');
  }
  expect(tips.filter((t) => t === '')).toEqual([]);
  expect(tips.filter((t) => /：[12]$/.test(t))).toEqual([]);
  const smallOnes = ds.children(grid).filter((c) => [1, 2].includes(ds.count(c, 'disabled'))).length;
  expect(smallOnes).toBeGreaterThan(0);
  // Each small one is hidden, and at least one more with it (subtraction would give it back).
  expect(tips.filter((t) => t.endsWith('*')).length).toBeGreaterThanOrEqual(Math.max(2, smallOnes));
  // The building page too: facts, groups, risk colours.
  const b = ds.children(grid)[0].id;
  await page.goto(`./?node=${b}&suppress=1`);
  await ready(page);
  for (const sel of ['.kpi-value', '.legend b']) {
    expect((await texts(sel)).filter((t) => small.test(t)), sel).toEqual([]);
  }
  // Of the building's facts, those about people: floors, stairwell units and dwellings
  // are the building's own, public, and shown as they are.
  const people = await page.locator('.facts div').filter({ hasText: /户数|人口/ }).locator('dd').allTextContents();
  expect(people.length).toBe(2);
  expect(people.filter((t) => small.test(t.trim()))).toEqual([]);
  // Exports.
  await page.goto(`./?node=${grid}&suppress=1&group=disabled`);
  await ready(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-table').click()]);
  const csv = parseCsv(readFileSync((await download.path())!).subarray(3).toString('utf8'));
  expect(csv.slice(1).flatMap((r) => r.slice(1)).filter((c) => small.test(c) || /^[12]（/.test(c))).toEqual([]);
});

test('a filter toggle updates the view in place, without rebuilding it', async ({ page }) => {
  await page.goto(`./?node=${ZHIJIN}`);
  await ready(page);
  // Mark the live elements; a rebuilt view would have new ones without the mark.
  await page.evaluate(() => {
    (document.querySelector('[data-testid=node-title]') as any).__kept = true;
    (document.querySelector('[data-testid=chart-channels] canvas') as any).__kept = true;
  });
  await page.getByTestId('filter-group-disabled').click();
  await expect(page.getByTestId('kpi-disabled')).toBeVisible();
  await page.getByTestId('filter-risk-red').click();
  await expect(page).toHaveURL(/risk=red/);
  expect(await page.evaluate(() => (document.querySelector('[data-testid=node-title]') as any).__kept)).toBe(true);
  expect(await page.evaluate(() => (document.querySelector('[data-testid=chart-channels] canvas') as any).__kept)).toBe(true);
});
