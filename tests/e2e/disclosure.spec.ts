import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The shared suppression cases (tests/fixtures/cases/hostile/suppress-*): with suppress=1
// no hidden count can be worked out from what the page, its CSV and its SVG show. The
// rule itself is proved by brute force in crates/anju-data/tests/disclosure.rs; here the
// views are checked to show what it decides, and nothing else.

const data = (name: string) => `data=${encodeURIComponent(`fixtures/cases/hostile/${name}/index.json`)}`;

async function ready(page: Page) {
  await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
}

async function download(page: Page, testid: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).first().click()]);
  return readFileSync((await d.path())!).toString('utf8');
}

test('a hidden 2 is not the parent less its sibling: table, CSV, tooltips and SVG', async ({ page }) => {
  await page.goto(`./?${data('suppress-differencing')}&node=S&suppress=1&group=disabled`);
  await ready(page);
  await expect(page.getByTestId('child-row')).toHaveCount(2);
  // The site's own people are shown; both buildings' are hidden (one would give the other).
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', '52');
  const rows = await page.getByTestId('child-row').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td.num')].map((td) => td.textContent!.trim())));
  for (let col = 0; col < rows[0].length; col++) {
    const hidden = rows.filter((r) => r[col].startsWith('*')).length;
    expect(hidden === 0 || hidden >= 2, `column ${col}: ${rows.map((r) => r[col])}`).toBe(true);
  }
  expect(rows.flat().filter((c) => /^(50|2)(人)?$/.test(c)), 'neither 50 nor 2 is shown').toEqual([]);
  const csv = await download(page, 'export-table');
  expect(csv).not.toMatch(/,(50|2)(,|\r?\n|$)/);
  expect(csv).toContain('*');
  // The ranking (by people): both bars are the same fixed mark, so the SVG cannot say which is larger.
  await page.goto(`./?${data('suppress-differencing')}&node=S&suppress=1&metric=people`);
  await ready(page);
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  const tips: string[] = [];
  for (const y of [0.25, 0.6]) {
    await canvas.hover({ position: { x: box.width / 2, y: box.height * y } });
    tips.push((await page.locator('.tooltip').textContent()) ?? '');
  }
  expect(tips.every((t) => t.endsWith('*')), tips.join(' | ')).toBe(true);
  const svg = await download(page, 'export-svg-ranking');
  const filled = [...svg.matchAll(/<rect[^>]*>/g)].map((m) => m[0]).filter((r) => !/fill="none"/.test(r) && /width="(\d+)"/.test(r));
  const widths = filled.map((r) => Number(/width="(\d+)"/.exec(r)![1])).filter((w) => w > 0 && w < 2000);
  // No filled bar at all: the two hidden ones are outlined marks of one size.
  const strokes = [...svg.matchAll(/<rect[^>]*fill="none"[^>]*>/g)].map((m) => /width="(\d+)"/.exec(m[0])?.[1]);
  expect(new Set(strokes.filter(Boolean)).size, 'hidden marks all of one size').toBeLessThanOrEqual(1);
  expect(widths.length, `filled rects: ${filled.join(' ')}`).toBeLessThanOrEqual(1); // the background at most
});

test('a rate is hidden with its parts: 1 of 10 and 1 of 2 employed', async ({ page }) => {
  for (const id of ['S-B1', 'S-B2']) {
    await page.goto(`./?${data('suppress-rate-leak')}&node=${id}&suppress=1`);
    await ready(page);
    await expect(page.getByTestId('kpi-employed')).toHaveAttribute('data-value', '*');
    await expect(page.getByTestId('kpi-employment_rate')).toHaveAttribute('data-value', '*');
    const text = await page.getByTestId('kpi-employment_rate').innerText();
    expect(text).not.toMatch(/\d+(\.\d)?%/);
  }
  // One level up: the table's rates for the two small buildings are hidden too.
  await page.goto(`./?${data('suppress-rate-leak')}&node=S&suppress=1`);
  await ready(page);
  const body = await page.locator('table').first().innerText();
  expect(body).not.toContain('10.0%');
  expect(body).not.toContain('50.0%');
});
