import { test, expect, Page } from '@playwright/test';
import { Dataset } from './data';

// What leaders hit in their first hour at the big screen: the board's laggards, wide
// walls, charts readable from across the room, the kiosk's carousel, the stale badge,
// and tooltips that stay on screen.
const ds = new Dataset();
const SHOTS = 'test-results/screenshots';
const YILIANG = '530628'; // 42 sites

async function ready(page: Page) { await expect(page.getByTestId('app-ready')).toBeAttached(); }

test('the board shows the top and the bottom of 42 places: the last place is on it', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=screen&node=${YILIANG}`);
  await ready(page);
  const ranked = ds.rankedByRate(YILIANG);
  expect(ranked.length).toBe(42);
  const rows = page.getByTestId('board-row');
  const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')));
  expect(ids[0]).toBe(ranked[0].id);
  expect(ids[ids.length - 1]).toBe(ranked[41].id);
  await expect(rows.last().locator('.board-rank')).toHaveText('42');
  await expect(page.getByTestId('board').locator('.board-gap').first()).toBeVisible();
  // The place on show is on the board, highlighted.
  await expect(page.getByTestId('board').locator('.board-row.focus')).toHaveCount(1);
  // The rows fill the panel: its last row ends in its lower quarter.
  const panel = (await page.getByTestId('board').boundingBox())!;
  const last = (await rows.last().boundingBox())!;
  expect(last.y + last.height).toBeGreaterThan(panel.y + panel.height * 0.75);
  expect(last.y + last.height).toBeLessThanOrEqual(panel.y + panel.height);
  // Rates near each other look different: the axis starts at a stated baseline.
  await expect(page.getByTestId('board').locator('.board-goal')).toContainText(/坐标自\d+%起/);
  const width = async (i: number) => (await rows.nth(i).locator('.board-bar span').boundingBox())!.width;
  const best = ds.rate(ranked[0])!, worst = ds.rate(ranked[41])!;
  expect(worst / best).toBeGreaterThan(0.9);
  expect(await width(ids.length - 1) / await width(0)).toBeLessThan(0.5);
  // The figures count up when they appear: the picture once they have settled.
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${SHOTS}/board-1920x1080.png` });
});

for (const [w, h] of [[3840, 1080], [5760, 1080], [2560, 1080]]) {
  test(`a ${w}×${h} wall is used across its width`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`./?view=screen&node=${YILIANG}`);
    await ready(page);
    const span = await page.locator('.screen-body > .panel').evaluateAll((els) => {
      const rs = els.map((e) => e.getBoundingClientRect());
      return [Math.min(...rs.map((r) => r.left)), Math.max(...rs.map((r) => r.right))];
    });
    expect((span[1] - span[0]) / w).toBeGreaterThanOrEqual(0.9);
    // No scrollbars, and nothing past the wall's edge.
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([w, h]);
    if (w >= 5760) {
      await expect(page.getByTestId('board-income_per_capita')).toBeVisible();
      await expect(page.getByTestId('board-risk_red')).toBeVisible();
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/wall-${w}x${h}.png` });
  });
}

test('at 1080p nothing on the big screen reads under 14 px, charts included', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=screen&node=${YILIANG}`);
  await ready(page);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    const walk = document.createTreeWalker(document.querySelector('.screen')!, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement!;
      if (!n.textContent!.trim() || el.closest('.chart-data')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const fs = parseFloat(getComputedStyle(el).fontSize);
      if (fs < 14) out.push(`${fs}px ${n.textContent!.trim().slice(0, 16)}`);
    }
    return out;
  });
  expect(small).toEqual([]);
  // Canvas text: the smallest size drawn, as displayed.
  const charts = await page.locator('.screen canvas').evaluateAll((cs) => cs.map((c) =>
    Number(c.getAttribute('data-font-min')) * c.getBoundingClientRect().width / Number(c.getAttribute('data-width'))));
  expect(charts.length).toBeGreaterThanOrEqual(2);
  for (const px of charts) expect(px).toBeGreaterThanOrEqual(14);
});

test('rate bars start at a round baseline below the smallest rate, counts at zero', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const start = Number(await page.getByTestId('chart-ranking').getAttribute('data-axis-start'));
  const rates = ds.children(ds.index.root).map((c) => ds.rate(c)!);
  expect(start).toBeGreaterThan(0);
  expect(start).toBeLessThan(Math.min(...rates));
  expect(Math.round(start * 100)).toBeCloseTo(start * 100, 6);
  await expect(page.getByTestId('chart-channels')).toHaveAttribute('data-axis-start', '0');
  await page.goto('./?metric=people');
  await ready(page);
  await expect(page.getByTestId('chart-ranking')).toHaveAttribute('data-axis-start', '0');
});

test('the trend has a legend: a swatch and a name in each line’s colour above the plot', async ({ page }) => {
  await page.goto('./?node=5206');
  await ready(page);
  const inks = await page.getByTestId('chart-trend').locator('canvas').evaluate((c: HTMLCanvasElement) => {
    // The band above the plot (y < 24 CSS px) holds only the legend.
    const k = c.width / c.getBoundingClientRect().width;
    const img = c.getContext('2d')!.getImageData(0, 0, c.width, Math.round(24 * k)).data;
    const near = (i: number, [r, g, b]: number[]) => Math.abs(img[i] - r) + Math.abs(img[i + 1] - g) + Math.abs(img[i + 2] - b) < 60 && img[i + 3] > 200;
    let rate = 0, income = 0;
    for (let i = 0; i < img.length; i += 4) { if (near(i, [0x1a, 0x66, 0xda])) rate++; if (near(i, [0xe6, 0x7e, 0x22])) income++; }
    return { rate, income };
  });
  expect(inks.rate).toBeGreaterThan(40);
  expect(inks.income).toBeGreaterThan(40);
});

test('kiosk: a resting mouse does not stop the carousel; moving it pauses it a few seconds', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=screen&node=${YILIANG}&kiosk=1&interval=2`);
  await ready(page);
  const carousel = page.getByTestId('carousel');
  const body = (await page.locator('.screen-body').boundingBox())!;
  // Moving: paused.
  for (let i = 0; i < 5; i++) await page.mouse.move(body.x + 300 + i * 20, body.y + 200);
  await expect(carousel).toHaveAttribute('data-paused', 'true');
  // Resting on the screen: it goes on by itself, and steps.
  const before = await page.locator('.focus-count').textContent();
  await expect(carousel).toHaveAttribute('data-paused', 'false', { timeout: 8000 });
  await expect(page.locator('.focus-count')).not.toHaveText(before!, { timeout: 5000 });
});

test('the stale badge gives the date and age of data from another day', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-06-28T01:01:01') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?view=screen&refresh=60');
  await ready(page);
  await page.route('**/data/**', (r) => r.fulfill({ status: 500, body: 'down' }));
  await page.clock.fastForward('02:00');
  const badge = page.getByTestId('stale-badge');
  await expect(badge).toBeVisible({ timeout: 10_000 });
  await expect(badge).toContainText(/显示的是 01:0\d:\d\d 的数据/);
  // A day later, still failing: the date and how old it is, not a bare time.
  await page.clock.fastForward('26:00:00');
  await page.clock.fastForward('02:00');
  await expect(badge).toContainText(/显示的是 6月28日 01:0\d 的数据（2[67]小时前）/, { timeout: 10_000 });
});

for (const [w, h] of [[390, 844], [1280, 800]]) {
  test(`a tooltip stays inside a ${w}×${h} window, near the right and the bottom`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('./?node=5206');
    await ready(page);
    for (const chart of ['trend', 'ranking', 'channels']) {
      const canvas = page.getByTestId(`chart-${chart}`).locator('canvas');
      await canvas.scrollIntoViewIfNeeded();
      // Bring the chart to the window's bottom edge.
      await page.evaluate((y) => window.scrollBy(0, y), (await canvas.boundingBox())!.y + (await canvas.boundingBox())!.height - h + 2);
      const box = (await canvas.boundingBox())!;
      for (const [fx, fy] of [[0.98, 0.5], [0.5, 0.9], [0.98, 0.9], [0.3, 0.5]]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
        const tip = page.locator('.tooltip');
        if (await tip.count() === 0) continue;
        const t = (await tip.boundingBox())!;
        expect(t.x, `${chart} ${fx},${fy}`).toBeGreaterThanOrEqual(0);
        expect(t.y, `${chart} ${fx},${fy}`).toBeGreaterThanOrEqual(0);
        expect(t.x + t.width, `${chart} ${fx},${fy}`).toBeLessThanOrEqual(w);
        expect(t.y + t.height, `${chart} ${fx},${fy}`).toBeLessThanOrEqual(h);
      }
      await page.mouse.move(0, 0);
    }
    await page.getByTestId('chart-trend').locator('canvas').hover({ position: { x: 5, y: 100 } });
    await page.screenshot({ path: `${SHOTS}/tooltip-${w}.png` });
  });
}

test('on a public display the board does not rank hidden rates as the worst, and the ticker shows no 1 or 2', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?view=screen&node=${YILIANG}&suppress=1`);
  await ready(page);
  const rows = page.getByTestId('board-row');
  const cells = await rows.evaluateAll((els) => els.map((e) => [e.querySelector('.board-rank')!.textContent, e.querySelector('.board-value')!.textContent]));
  const hidden = cells.filter(([, v]) => v === '*');
  expect(hidden.length).toBeGreaterThan(0);
  for (const [rank] of hidden) expect(rank).toBe('—');
  for (const [rank, v] of cells.filter(([, v]) => v !== '*')) expect(rank, v!).toMatch(/^\d+$/);
  const ticker = (await page.locator('.ticker').textContent()) ?? '';
  expect(ticker).not.toMatch(/(^|[^\d,.])[12] ?户/);
});

test('a rate a hair short of its target never reads as the target: its tile and its row agree', async ({ page }) => {
  // 530628 employs 27,219 of 29,586 in 2025-05 (91.9996 %) against a 92 % target.
  await page.goto('./?node=530628&period=2025-05');
  const tile = page.getByTestId('kpi-employment_rate');
  await expect(tile).toContainText('91.99%');
  await expect(tile).toContainText('92.0%'); // the target, beside it
  await expect(tile).toHaveClass(/bad/);
  await page.goto('./?node=5306&period=2025-05');
  await expect(page.locator('[data-testid=child-row][data-node-id="530628"]')).toContainText('91.99%');
});
