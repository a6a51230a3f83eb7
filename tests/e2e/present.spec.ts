import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { Dataset } from './data';

const ds = new Dataset();
const NODE = '520603';

async function current(page: Page) {
  const s = page.getByTestId('slide');
  await expect(s).toHaveCount(1);
  return s;
}

test('keys move between slides, the URL follows, and a reload returns to the slide', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`./?node=${NODE}&view=present`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  // A deck opens on its cover.
  await expect(await current(page)).toHaveAttribute('data-index', '0');
  for (const [key, want] of [['ArrowRight', 1], ['ArrowRight', 2], ['PageDown', 3], ['PageUp', 2], ['End', 7], ['ArrowLeft', 6], ['Home', 0], ['PageDown', 1], ['PageDown', 2], ['ArrowRight', 3], ['ArrowRight', 4], ['ArrowRight', 5]] as const) {
    await page.keyboard.press(key);
    await expect(page).toHaveURL(new RegExp(`slide=${want}`));
    await expect(await current(page)).toHaveAttribute('data-index', String(want));
  }
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(await current(page)).toHaveAttribute('data-index', '5');
  // A screenshot of every slide.
  for (let k = 0; k <= 7; k++) {
    await page.goto(`./?node=${NODE}&view=present&slide=${k}`);
    await expect(await current(page)).toHaveAttribute('data-index', String(k));
    await page.screenshot({ path: `test-results/screenshots/slide-${k}.png` });
  }
  expect(errors).toEqual([]);
});

test('the slides say what they could not show as asked, off the slide, and print without it', async ({ page }) => {
  await page.goto(`./?node=${NODE}&view=present&compare=2099-01&slide=999`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(await current(page)).toHaveAttribute('data-index', '7');
  const notes = page.getByTestId('notice');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toHaveText('数据中没有 2099-01 期，改与上年同月对比');
  await expect(notes.nth(1)).toHaveText('没有第 999 页，已显示最后一页');
  await page.screenshot({ path: 'test-results/screenshots/slide-notices.png' });
  await page.emulateMedia({ media: 'print' });
  await expect(notes.first()).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await page.goto('./?node=999999&view=present&slide=abc&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(await current(page)).toHaveAttribute('data-index', '0');
  await expect(page.getByTestId('notice').filter({ hasText: 'slide=abc' })).toHaveCount(1);
  await expect(page.getByTestId('notice').filter({ hasText: 'No place with id 999999' })).toHaveCount(1);
});

test('the comparison slide shows the dataset’s numbers for the period and a year earlier', async ({ page }) => {
  await page.goto(`./?node=${NODE}&view=present&slide=7`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const n = ds.node(NODE);
  const t = ds.periods.length - 1;
  const c = ds.periods.indexOf(`${Number(ds.periods[t].slice(0, 4)) - 1}${ds.periods[t].slice(4)}`);
  expect(c).toBeGreaterThanOrEqual(0);
  const value = (key: string, p: number) => key === 'employment_rate' ? ds.rate(n, p) : key === 'income_per_capita' ? ds.income(n, p) : ds.count(n, key, p);
  const rows = page.getByTestId('compare-row');
  await expect(rows).toHaveCount(10);
  for (const key of await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-metric')!))) {
    const row = page.locator(`[data-testid="compare-row"][data-metric="${key}"]`);
    expect(Number(await row.getAttribute('data-from')), `${key} then`).toBeCloseTo(value(key, c)!, 9);
    expect(Number(await row.getAttribute('data-to')), `${key} now`).toBeCloseTo(value(key, t)!, 9);
  }
  await expect(page.getByTestId('slide')).toContainText('绿色表示向好');
  // An explicit compare= is honoured.
  await page.goto(`./?node=${NODE}&view=present&slide=7&compare=${ds.periods[0]}`);
  await expect(page.locator('[data-testid="compare-row"][data-metric="trained"]')).toHaveAttribute('data-from', String(ds.count(n, 'trained', 0)));
});

test('printing the deck gives one page per slide, nothing cut off', async ({ page }) => {
  // 彝良县 has 42 sites: the most crowded ranking slide of the demo.
  for (const node of ['530628', NODE, '520524-S1-C1-G1-B1']) {
    await page.goto(`./?node=${node}&view=present`);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await page.setViewportSize({ width: 1600, height: 900 });
    await page.emulateMedia({ media: 'print' });
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.slide')].filter((s) => s.scrollHeight > s.clientHeight + 1).map((s) => s.getAttribute('data-index')));
    expect(overflow, node).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
  }
  await page.goto(`./?node=${NODE}&view=present`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const doc = await PDFDocument.load(pdf);
  expect(doc.getPageCount()).toBe(8); // the cover and seven slides
  // Each page is the 16:9 slide size (1600×900 CSS px = 1200×675 pt).
  for (const p of doc.getPages()) {
    const { width, height } = p.getSize();
    expect(Math.round((width / height) * 9)).toBe(16);
  }
});

test('slide charts export from the bar below the slide (PNG at 2×), not from buttons on it', async ({ page }) => {
  await page.goto(`./?node=${NODE}&view=present&slide=6`);
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('export-png-slide-ranking')).toBeHidden();
  const canvas = page.getByTestId('chart-slide-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  // Every chart on the slide downloads (the ranking and, where the place has one, the map).
  const downloads: import('@playwright/test').Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByTestId('slide-export-png').click();
  await expect.poll(() => downloads.map((d) => d.suggestedFilename()).sort()).toEqual(['map.png', 'slide-ranking.png']);
  const png = downloads.find((d) => d.suggestedFilename() === 'slide-ranking.png')!;
  const bytes = readFileSync((await png.path())!);
  expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
  expect(bytes.readUInt32BE(20)).toBe(Math.round(box.height * 2));
});
