import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseCsv } from './csv';
import { readFile } from './data';

// Every published figure of docs/published-figures.csv that has a KPI tile reads on the
// page as its source wrote it (约29.3万, 2万余, 92.09%), its mark says when the source
// dates it, and its hover names the source, the figure's date and the words. Children
// table cells read the same way.

type Row = { node: string; place: string; field: string; written: string; date: string; source: string };

const [head, ...body] = parseCsv(readFileSync('docs/published-figures.csv', 'utf8'));
const figures: Row[] = body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])) as Row);
const index = readFile('public/data/index.json');
const TILES = ['people', 'households', 'labour', 'employed', 'employment_rate', 'welfare_posts', 'income_per_capita',
  'monitored_households', 'monitored_people', 'zero_employment_households', 'trained'];

/** The figure as the page shows it in Chinese, where that differs from a plain number. */
function shown(written: string): string | null {
  const w = written.replace(/^约/, '');
  if (/万$/.test(w)) return `约${w}`;
  if (/[余多]$/.test(w) || /%$/.test(w)) return w;
  return null;
}

function dateLabel(date: string): string {
  if (!date) return '未注明日期';
  const [y, m] = date.split('-');
  return m ? `${y}年${Number(m)}月` : `${y}年`;
}

const periods: string[] = index.periods;

/** The month a figure is placed at: its own where the data has it, else the latest. */
function placedAt(date: string): string {
  const month = date.slice(0, 7);
  return periods.includes(month) ? month : periods[periods.length - 1];
}

function markText(date: string): string {
  if (periods.includes(date.slice(0, 7))) return '公布';
  return date ? `${dateLabel(date)}公布` : '公布（未注明日期）';
}

const onTiles = figures.filter((f) => TILES.includes(f.field));
const nodes = [...new Set(onTiles.map((f) => f.node))];


test('the table has figures on tiles at every published place', () => {
  expect(onTiles.length).toBeGreaterThanOrEqual(30);
  expect(nodes.length).toBeGreaterThanOrEqual(9);
});

for (const [id, month] of [...new Set(onTiles.map((f) => `${f.node}@${placedAt(f.date)}`))].map((k) => k.split('@'))) {
  const rows = onTiles.filter((f) => f.node === id && placedAt(f.date) === month);
  test(`${rows[0].place} at ${month}: ${rows.map((r) => r.field).join(', ')} read as published, dated and sourced`, async ({ page }) => {
    await page.goto(`./?node=${id}&period=${month}`);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', id);
    for (const f of rows) {
      const tile = page.getByTestId(`kpi-${f.field}`);
      const form = shown(f.written);
      if (form) await expect(tile.locator('.kpi-value'), `${f.place} ${f.field}`).toContainText(form);
      else if (f.field !== 'income_per_capita') {
        const exact = f.written === '全面消除' ? '0' : f.written;
        await expect(tile, `${f.place} ${f.field}`).toHaveAttribute('data-value', exact);
      }
      const mark = tile.locator('.prov-pub');
      await expect(mark, `${f.place} ${f.field} mark`).toHaveText(markText(f.date));
      const title = (await mark.getAttribute('title')) ?? '';
      expect(title, `${f.place} ${f.field} hover`).toContain(index.dataset.sources[f.source].title);
      expect(title).toContain(`数字所指日期：${dateLabel(f.date)}`);
      expect(title).toContain(`原文：“${f.written}”`);
    }
  });
}

test('published forms in the children table, in English and on the big screen', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const tongren = page.locator('[data-testid="child-row"][data-node-id="5206"]');
  await expect(tongren).toContainText('约29.3万');
  await page.goto('./?node=5306');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.locator('[data-testid="child-row"][data-node-id="530628"]')).toContainText('92.09%');
  // 六盘水市's figures sit at their month, 2023-11: synthesised (合成) at the latest.
  await page.goto('./?node=5202&period=2023-11');
  await expect(page.getByTestId('kpi-employed')).toHaveAttribute('data-value', '58300');
  await expect(page.getByTestId('kpi-employed').locator('.prov-pub')).toHaveText('公布');
  await page.goto('./?node=5202');
  await expect(page.getByTestId('kpi-employed').locator('.prov-syn')).toBeVisible();
  // The tile's hook keeps the rate recomputed from the counts.
  await page.goto('./?node=530628');
  await expect(page.getByTestId('kpi-employment_rate')).toHaveAttribute('data-value', String(27248 / 29586));
  await page.goto('./?node=5206&lang=en');
  await expect(page.getByTestId('kpi-people').locator('.kpi-value')).toContainText('about 293,000');
  await expect(page.getByTestId('kpi-people').locator('.prov-pub')).toHaveText('published (date not stated)');
  await page.goto('./?node=5206&view=screen');
  await expect(page.getByTestId('kpi-people')).toContainText('约29.3万');
});
