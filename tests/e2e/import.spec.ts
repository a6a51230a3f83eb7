import { test, expect, Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

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

test('the result opens in the dashboard with its totals, stays after a reload, and can be removed', async ({ page }) => {
  await open(page);
  await page.getByTestId('import-input').setInputFiles([`${CASES}/19_subtotal_rows.csv`, `${CASES}/03_two_row_header.xlsx`]);
  await expect(result(page)).toHaveAttribute('data-households', String(7 + 8));
  const link = page.getByTestId('import-open');
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toMatch(/data=local(:|%3A)import-\d{8}-\d{6}/);
  const seen = requests(page);
  await link.click();
  await expect(page.locator('html')).toHaveAttribute('data-build', 'dashboard');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  // 19_subtotal_rows: 7 households, 31 people; 03_two_row_header: 8 and 30 (expected.json).
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', String(31 + 30));
  await expect(page.getByTestId('kpi-households')).toHaveAttribute('data-value', String(7 + 8));
  await expect(page.getByTestId('as-of')).toHaveAttribute('data-value', '2025-06-30');
  // Counted from registers, and said so: not "synthesised".
  await expect(page.getByTestId('kpi-people').locator('[data-provenance="registers"]')).toHaveText('台账');
  await expect(page.locator('.banner-synthetic')).toHaveCount(0);
  // Its files come from this browser's storage: no request for a .json file.
  expect(seen.filter((p) => p.endsWith('.json'))).toEqual([]);
  // A drill into the first city, whose counties are in a shard kept beside the index.
  await page.getByTestId('child-row').first().locator('a').first().click();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', 'city');
  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', 'city');
  await page.screenshot({ path: 'test-results/import-opened.png' });
  // The list in the import view names it; removing it removes it.
  await open(page);
  const kept = page.getByTestId('import-saved');
  await expect(kept).toHaveCount(1);
  await expect(kept).toContainText('19_subtotal_rows.csv');
  const name = await kept.getAttribute('data-name');
  await kept.getByTestId('import-remove').click();
  await expect(kept).toHaveCount(0);
  await page.goto(`./?data=local:${name}`);
  await expect(page.getByTestId('error')).toContainText(name!);
});

/** The files of kept dataset `name`, read back from this browser's storage, by path. */
async function keptFiles(page: Page, name: string): Promise<Record<string, number[]>> {
  return page.evaluate(async (name) => {
    const db: IDBDatabase = await new Promise((ok, no) => {
      const r = indexedDB.open('anju');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const store = db.transaction('files').objectStore('files');
    const range = IDBKeyRange.bound(`${name}/`, `${name}0`, false, true);
    const [keys, values] = await Promise.all(
      [store.getAllKeys(range), store.getAll(range)].map((r) => new Promise<any[]>((ok) => (r.onsuccess = () => ok(r.result)))),
    );
    const out: Record<string, number[]> = {};
    keys.forEach((k, i) => (out[String(k).slice(name.length + 1)] = Array.from(values[i] as Uint8Array)));
    return out;
  }, name);
}

test('the browser and anju aggregate give the same bytes for the same files', async ({ page }) => {
  const files = ['03_two_row_header.xlsx', '05_multi_sheet.xlsx', '19_subtotal_rows.csv', 'all-bad.csv'];
  const out = mkdtempSync(join(tmpdir(), 'anju-import-'));
  const anju = existsSync('target/debug/anju') ? 'target/debug/anju' : null;
  const args = ['aggregate', '--input', ...files.map((f) => `${CASES}/${f}`), '--out', `${out}/ds`];
  // Exit 2: written, with the bad rows of all-bad.csv refused, as the browser says too.
  const run = anju
    ? spawnSync(anju, args, { encoding: 'utf8' })
    : spawnSync('cargo', ['run', '-q', '-p', 'anju-cli', '--', ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(2);
  await open(page);
  await page.getByTestId('import-input').setInputFiles(files.map((f) => `${CASES}/${f}`));
  await expect(page.getByTestId('import-open')).toBeVisible();
  const name = await page.getByTestId('import-saved').first().getAttribute('data-name');
  const kept = await keptFiles(page, name!);
  const written = readdirSync(`${out}/ds`, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(`${out}/ds`, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  expect(Object.keys(kept).sort()).toEqual(written);
  for (const f of written) {
    expect(Buffer.from(kept[f]).equals(readFileSync(`${out}/ds/${f}`)), f).toBe(true);
  }
  rmSync(out, { recursive: true, force: true });
});
