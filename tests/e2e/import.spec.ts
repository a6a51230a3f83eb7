import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The import view: registers read in this browser by a worker, with how each file was
// read and the totals. The cases are the import library's own (crates/anju-import/tests/
// cases, copied from the shared cases with their expected totals).

const CASES = 'crates/anju-import/tests/cases';
const expected = JSON.parse(readFileSync(`${CASES}/expected.json`, 'utf8')).files as Record<
  string,
  { totals?: Record<string, { households: number; people: number }> }
>;

/** Every request after `since`, as paths. */
function requests(page: Page) {
  const seen: string[] = [];
  page.context().on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

async function open(page: Page, lang = '') {
  await page.goto(`./?view=import${lang}`);
  await expect(page.locator('html')).toHaveAttribute('data-build', 'import');
  await expect(page.getByTestId('import-input')).toBeAttached();
}

const result = (page: Page) => page.getByTestId('import-result');

for (const [file, want] of Object.entries(expected)) {
  const totals = Object.values(want.totals ?? {});
  if (totals.length === 0) continue;
  test(`${file}: the browser gives the expected totals`, async ({ page }) => {
    await open(page);
    await page.getByTestId('import-input').setInputFiles(`${CASES}/${file}`);
    await expect(result(page)).toBeVisible();
    const households = totals.reduce((s, t) => s + t.households, 0);
    const people = totals.reduce((s, t) => s + t.people, 0);
    await expect(result(page)).toHaveAttribute('data-households', String(households));
    await expect(result(page)).toHaveAttribute('data-people', String(people));
    await expect(page.getByTestId('import-preview')).toHaveCount(1);
  });
}

test('several files: a preview each, identity columns named and never read, no request while importing', async ({ page }) => {
  await open(page);
  // The worker is loaded when the view opens, before any file is picked.
  await expect(page.locator('.import-page')).toHaveAttribute('data-worker', 'ready');
  const seen = requests(page);
  const files = ['03_two_row_header.xlsx', '19_subtotal_rows.csv', 'all-bad.csv'].map((f) => `${CASES}/${f}`);
  await page.getByTestId('import-input').setInputFiles(files);
  await expect(result(page)).toBeVisible();
  await expect(page.getByTestId('import-preview')).toHaveCount(3);
  await expect(result(page)).toHaveAttribute('data-households', String(8 + 7));
  const csv = page.locator('[data-testid=import-preview][data-name="19_subtotal_rows.csv"]');
  await expect(csv).toContainText('户 7');
  await expect(csv).toContainText('小计行 2');
  await expect(csv).toContainText('小计/合计与各户之和一致');
  await csv.locator('summary').click();
  await expect(csv.locator('tr.identity')).toHaveCount(3);
  await expect(csv.locator('tr.identity').first()).toContainText('身份信息，不读取');
  const bad = page.locator('[data-testid=import-preview][data-name="all-bad.csv"]');
  await expect(bad).toContainText('第2行');
  expect(seen, 'no request while importing').toEqual([]);
  await page.screenshot({ path: 'test-results/import-three-files.png', fullPage: true });
});

test('a sheet without its period: the person sets it and reads again', async ({ page }) => {
  await open(page, '&lang=en');
  const csv = '市,县,安置点,楼栋,户人数\n毕节市,织金县,平远新城安置点,1栋,3\n毕节市,织金县,平远新城安置点,2栋,4\n';
  await page.getByTestId('import-input').setInputFiles({ name: 'no-period.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(result(page)).toHaveAttribute('data-refused', 'true');
  await expect(page.getByTestId('import-preview')).toContainText('period');
  await page.getByTestId('import-period').fill('2025-06');
  await page.getByTestId('import-period').dispatchEvent('change');
  await page.getByTestId('import-run').click();
  await expect(result(page)).toHaveAttribute('data-refused', 'false');
  await expect(result(page)).toHaveAttribute('data-households', '2');
  await expect(result(page)).toHaveAttribute('data-people', '7');
  await expect(result(page)).toContainText('as of 2025-06-30');
});

test('a file that cannot be read says so, and the others carry on', async ({ page }) => {
  await open(page);
  await page.getByTestId('import-input').setInputFiles([
    { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a workbook') },
    { name: '19_subtotal_rows.csv', mimeType: 'text/csv', buffer: readFileSync(`${CASES}/19_subtotal_rows.csv`) },
  ]);
  await expect(result(page)).toHaveAttribute('data-households', '7');
  const broken = page.locator('[data-testid=import-preview][data-name="broken.xlsx"]');
  await expect(broken).toHaveClass(/refused/);
  await expect(result(page)).toContainText('1 个文件被拒绝');
});
