import { test, expect, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { pageText } from './pdftext';
import { Dataset } from './data';

// What presenters hit in their first hour at a review meeting: slides that fit the
// projector, that look like slides (cover, footer, full screen, controls off the slide),
// names readable from the back, and a printed dashboard without blank pages.
const ds = new Dataset();
const SHOTS = 'test-results/screenshots';
const YILIANG = '530628';
const SIZES = [[1280, 720], [1440, 900], [1920, 1080]] as const;

async function ready(page: Page) { await expect(page.getByTestId('app-ready')).toBeAttached(); }

for (const [w, h] of SIZES) {
  test(`every slide fits a ${w}×${h} screen: slide 7's last row is on it`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const node of [YILIANG, '520524-S1-C1-G1-B1']) {
      for (let k = 0; k <= 7; k++) {
        await page.goto(`./?node=${node}&view=present&slide=${k}`);
        await ready(page);
        const slide = page.getByTestId('slide');
        await expect(slide).toHaveAttribute('data-index', String(k));
        const box = (await slide.boundingBox())!;
        // No page frame: the slide fills the window's width or the height above the bar.
        expect(box.width >= w - 1 || box.height >= h - 44 - 1, `${node} ${k}: ${box.width}×${box.height}`).toBe(true);
        expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= w + 0.5 && box.y + box.height <= h + 0.5, `${node} ${k}`).toBe(true);
        expect(await slide.evaluate((s) => s.scrollHeight <= s.clientHeight + 1 && s.scrollWidth <= s.clientWidth + 1), `${node} slide ${k} overflows`).toBe(true);
        // The footer, inside the slide, says period, as-of date and source.
        if (k > 0) {
          const foot = slide.locator('.slide-foot');
          await expect(foot).toContainText(`统计期 ${ds.periods[ds.periods.length - 1]}`);
          await expect(foot).toContainText(`数据截至 ${ds.index.dataset.as_of}`);
          await expect(foot).toContainText('来源：');
          const f = (await foot.boundingBox())!;
          expect(f.y + f.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
        }
      }
    }
    await page.goto(`./?node=${YILIANG}&view=present&slide=7`);
    await ready(page);
    const rows = page.getByTestId('compare-row');
    await expect(rows).toHaveCount(10);
    const last = (await rows.last().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(h);
    await expect(rows.last()).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/slide-7-${w}x${h}.png` });
  });
}

test('a deck opens on its cover: place, period, as-of date and source', async ({ page }) => {
  await page.goto(`./?node=${YILIANG}&view=present`);
  await ready(page);
  const cover = page.getByTestId('slide');
  await expect(cover).toHaveAttribute('data-index', '0');
  await expect(cover.locator('h1')).toHaveText(ds.node(YILIANG).name);
  await expect(cover).toContainText(`统计期：${ds.periods[ds.periods.length - 1]}`);
  await expect(cover).toContainText(`数据截至：${ds.index.dataset.as_of}`);
  await expect(cover).toContainText('来源：');
  await expect(page.getByTestId('slide-position')).toHaveText('封面');
  // slide=1 is still the overview (bookmarks keep working).
  await page.goto(`./?node=${YILIANG}&view=present&slide=1`);
  await expect(page.getByTestId('slide').locator('h1')).toHaveText('总体情况与目标');
  await page.screenshot({ path: `${SHOTS}/slide-0-cover.png` });
});

test('full screen on the F key and on a button; no controls on the slide', async ({ page }) => {
  await page.goto(`./?node=${YILIANG}&view=present&slide=2`);
  await ready(page);
  // The charts' export buttons are not on the slide; the bar below it has them.
  expect(await page.locator('.slide.current .chart-export').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
  const bar = (await page.locator('.deck-bar').boundingBox())!;
  const slide = (await page.getByTestId('slide').boundingBox())!;
  expect(bar.y).toBeGreaterThanOrEqual(slide.y + slide.height - 0.5);
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  // In full screen the bar goes and the slide takes the whole height.
  await expect(page.locator('.deck-bar')).toBeHidden();
  await page.keyboard.press('f');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
  await page.getByTestId('fullscreen').click();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await page.evaluate(() => document.exitFullscreen());
});

test('slide 6 names the red target line only where there is a target', async ({ page }) => {
  await page.goto(`./?node=${YILIANG}&view=present&slide=6`);
  await ready(page);
  await expect(page.getByTestId('chart-slide-ranking').locator('figcaption')).toContainText('红线为目标');
  await page.goto('./?data=fixtures/cases/ui/long-names/index.json&view=present&slide=6');
  await ready(page);
  await expect(page.getByTestId('chart-slide-ranking').locator('figcaption')).not.toContainText('红线');
});

test('slide 6 ranks by the measure the dashboard ranked by (metric=), the map beside it too', async ({ page }) => {
  await page.goto(`./?node=${YILIANG}&view=present&slide=6&metric=people&lang=en`);
  await ready(page);
  const caption = page.getByTestId('chart-slide-ranking').locator('figcaption');
  await expect(caption).toContainText('By people');
  await expect(page.getByTestId('chart-map').locator('figcaption')).toContainText('People');
});

test('slide 6: names of at least 18 px at 1080p, the target line clear of the values', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`./?node=${YILIANG}&view=present&slide=6`);
  await ready(page);
  const canvas = page.getByTestId('chart-slide-ranking').locator('canvas');
  const px = await canvas.evaluate((c) => Number(c.getAttribute('data-font-label')) * c.getBoundingClientRect().width / Number(c.getAttribute('data-width')));
  expect(px).toBeGreaterThanOrEqual(18);
  await page.screenshot({ path: `${SHOTS}/slide-6-1920x1080.png` });
});

test('the printed dashboard has no blank page, and each page names the place and the filters', async ({ page }) => {
  await page.goto('./?node=520524&group=disabled&risk=red&alert=zero_employment');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  // The header every printed page repeats: the place and the filters.
  const head = page.locator('.print-head');
  await expect(head).toBeVisible();
  await expect(head).toContainText('织金县');
  await expect(head).toContainText('残疾人');
  await expect(head).toContainText('红色');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const doc = await PDFDocument.load(pdf);
  const n = doc.getPageCount();
  expect(n).toBeGreaterThan(1);
  // Each page says where and what (its head), and has more than its head on it. (The
  // fonts' Kangxi radicals read back as such: compare by characters without them.)
  for (let i = 0; i < n; i++) {
    const text = pageText(doc, i);
    for (const want of ['织', '县', '筛选：', '统计期：', '数据截']) expect(text, `page ${i + 1} of ${n}`).toContain(want);
    const body = text.slice(text.indexOf('数据截') + 20);
    expect(body.replace(/\s/g, '').length, `page ${i + 1} of ${n} has content`).toBeGreaterThan(20);
  }
  // The table of places below, last on the page and laid out on screen only when scrolled
  // near (content-visibility), is on paper: its heading, and its last row's place and its
  // figures in a run (what only the table prints; the PDF puts the name column after them).
  const flat = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
  const paper = flat(Array.from({ length: n }, (_, i) => pageText(doc, i)).join(''));
  const last = page.getByTestId('child-row').last();
  const figures = flat((await last.locator('td').allInnerTexts()).join(''));
  expect(figures.length).toBeGreaterThan(10);
  expect(paper).toContain(flat(await page.locator('.children h3').innerText()));
  expect(paper).toContain(flat(await last.locator('th').innerText()));
  expect(paper).toContain(figures);
  await page.emulateMedia({ media: 'screen' });
  await expect(head).toBeHidden();
});
