import { test, expect, Page } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { fullShot } from './shots';

// Hardening: the Content-Security-Policy holds in every view, hostile names stay text,
// degenerate data renders sanely, every hostile corpus file shows its exact problem, and
// `data=` only ever reaches this origin.

const COUNTY = '520603';
const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

/** Records, across every page the test opens: CSP violations, elements that load or run
 *  something added after the page loaded (the app adds none, so any would come from data),
 *  page errors (a Rust panic ends up as one), dialogs and requests to other origins. */
async function watch(page: Page) {
  const seen = { csp: [] as string[], added: [] as string[], errors: [] as string[], dialogs: [] as string[], offsite: [] as string[] };
  await page.exposeFunction('__anjuReport', (kind: 'csp' | 'added', what: string) => { seen[kind].push(what); });
  await page.addInitScript(() => {
    const report = (kind: string, what: string) => (window as any).__anjuReport(kind, what);
    document.addEventListener('securitypolicyviolation', (e) =>
      report('csp', `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
    new MutationObserver((ms) => {
      for (const m of ms) for (const n of m.addedNodes) {
        if (n instanceof Element && document.readyState !== 'loading'
          && /^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|BASE|META|LINK|STYLE|FORM|FRAME)$/.test(n.tagName)) {
          report('added', n.outerHTML.slice(0, 80));
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) seen.csp.push(m.text());
    if (m.type() === 'error' && /panicked|RuntimeError|unreachable/.test(m.text())) seen.errors.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => { if (!/^(http:\/\/127\.0\.0\.1:|blob:|data:)/.test(r.url())) seen.offsite.push(r.url()); });
  return {
    seen,
    async check() {
      await page.waitForTimeout(100); // let the last reports arrive
      expect(seen.csp, 'CSP violations').toEqual([]);
      expect(seen.added, 'elements added that load or run something').toEqual([]);
      expect(seen.errors, 'page errors').toEqual([]);
      expect(seen.dialogs, 'dialogs').toEqual([]);
      expect(seen.offsite, 'requests to other origins').toEqual([]);
    },
  };
}

async function ready(page: Page) {
  await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
}

async function open(page: Page, url: string) {
  await page.goto(url);
  await ready(page);
}

async function download(page: Page, testid: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).first().click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

test('the policy is strict and is what the page runs under', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__csp.push(e.violatedDirective));
  });
  await open(page, './');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  // Two inline scripts, each by its hash: the early index fetch and Trunk's loader.
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]{44}' 'sha256-[A-Za-z0-9+/=]{44}'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(csp).not.toMatch(/https?:|\*/);
  // An injected inline script is refused (and reported), so the policy is really in force.
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return { ran: (window as any).__injected ?? 0, reported: (window as any).__csp?.length ?? -1 };
  });
  expect(ran).toEqual({ ran: 0, reported: 1 });
});

test('the watch used below does catch a violation and an injected element', async ({ page }) => {
  const w = await watch(page);
  await open(page, './');
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__x = 1';
    document.body.append(s);
  });
  await page.waitForTimeout(200);
  expect(w.seen.csp.length).toBeGreaterThan(0);
  expect(w.seen.added).toEqual(['<script>window.__x = 1</script>']);
});

test('no CSP violation in any view, filter, language, print or export', async ({ page }) => {
  const w = await watch(page);
  const views = [
    './', `./?node=${COUNTY}`, `./?node=${COUNTY}&group=disabled,left_behind_children&risk=red&alert=zero_employment`,
    `./?node=${COUNTY}&lang=en&suppress=1`, `./?node=${COUNTY}&view=present`, `./?node=${COUNTY}&view=present&slide=5`,
    `./?node=${COUNTY}&view=screen&interval=1`,
  ];
  for (const v of views) {
    await open(page, v);
    await page.waitForTimeout(300);
  }
  // Down to a building by clicking, then the exports of a dashboard.
  await open(page, `./?node=${COUNTY}&group=disabled`);
  // County → site → community → grid → building: four clicks, each one level down.
  for (let i = 0; i < 4; i++) {
    const row = page.getByTestId('child-row').first();
    await expect(row, `a place to drill into at step ${i + 1}`).toHaveCount(1);
    await row.locator('a').click();
    await ready(page);
  }
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', 'building');
  await open(page, `./?node=${COUNTY}&group=disabled`);
  for (const id of ['export-table', 'export-where-to-go', 'export-png-ranking', 'export-svg-ranking', 'export-png-trend']) {
    await download(page, id);
  }
  await page.emulateMedia({ media: 'print' });
  await page.waitForTimeout(200);
  await w.check();
});

test('hostile names stay text everywhere: no dialog, no element, no script, clipped and wrapped', async ({ page }) => {
  const w = await watch(page);
  const base = './?data=fixtures/degenerate/hostile/index.json';
  await open(page, base);
  const kids = ['X-0', 'X-1', 'X-2', 'X-3', 'X-4', 'X-5'];
  const check = async (where: string) => {
    const r = await page.evaluate(() => ({
      // The app itself uses <b> and <i>; the hostile ones are recognised by their text.
      elements: document.querySelectorAll('body img, body script, body iframe, body object, body embed').length
        + [...document.querySelectorAll('body b, body i')].filter((e) => /粗体|County/.test(e.textContent ?? '')).length,
      pwned: (window as any).__pwned ?? 0,
      title: document.title,
      rtl: /[\u202A-\u202E\u2066-\u2069\u0000-\u0008\u001b]/.test(document.body.innerText),
      scroll: document.documentElement.scrollWidth - innerWidth,
    }));
    expect(r, where).toEqual({ elements: 0, pwned: 0, title: expect.not.stringContaining('pwned'), rtl: false, scroll: expect.any(Number) });
    expect(r.scroll, `${where}: no sideways scrolling`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/hostile-${where}.png` });
  };
  await check('root');
  // The markup is shown literally.
  await expect(page.getByTestId('child-row').filter({ hasText: '<script>window.__pwned=1</script>脚本区' })).toHaveCount(1);
  // The 10,000-character name is clipped to 120 characters and an ellipsis.
  const long = page.getByTestId('child-row').filter({ hasText: '超长名称' });
  const shown = await long.locator('th').innerText();
  expect([...shown.trim()].length).toBe(121);
  // Tooltips on the ranking: hover each bar.
  const canvas = page.getByTestId('chart-ranking').locator('canvas');
  const box = (await canvas.boundingBox())!;
  let tips = 0;
  for (let y = box.y + 30; y < box.y + box.height - 10; y += 26) {
    await page.mouse.move(box.x + box.width / 2, y);
    tips += await page.locator('.tooltip').count();
  }
  expect(tips, 'hovering the bars shows their tooltips').toBeGreaterThan(0);
  await check('tooltips');
  const csv = await download(page, 'export-table');
  expect(csv.text).toContain('<script>window.__pwned=1</script>脚本区');
  expect(csv.name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]/);
  const svg = await download(page, 'export-svg-ranking');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { error: doc.getElementsByTagName('parsererror').length, scripts: doc.getElementsByTagName('script').length, imgs: doc.getElementsByTagName('img').length };
  }, svg.text);
  expect(parsed).toEqual({ error: 0, scripts: 0, imgs: 0 });
  await download(page, 'export-png-ranking');
  for (const id of kids) {
    await open(page, `${base}&node=${id}`);
    await check(`site-${id}`);
    await open(page, `${base}&node=${id}1`);
    await check(`building-${id}`);
  }
  await open(page, `${base}&lang=en`);
  await check('english');
  await open(page, `${base}&view=present`);
  for (let i = 0; i < 7; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(50); }
  await expect(page, 'the arrow keys moved the slides on').toHaveURL(/[?&]slide=([2-9]|\d\d)/);
  await check('present');
  await open(page, `${base}&view=screen&interval=0.3`);
  await page.waitForTimeout(2000);
  await check('screen');
  await open(page, base);
  await page.emulateMedia({ media: 'print' });
  await check('print');
  await w.check();
});

test('zero people and zero labour show "—", never NaN or Infinity; a node with no children says so', async ({ page }) => {
  const w = await watch(page);
  const base = './?data=fixtures/degenerate/zero/index.json';
  for (const node of ['', '&node=Z-1', '&node=Z-2', '&node=Z-11', '&node=Z-12']) {
    await open(page, base + node);
    await expect(page.getByTestId('error')).toHaveCount(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
    await fullShot(page, `${SHOTS}/degenerate-zero${node.replace(/\W/g, '-')}.png`);
  }
  await open(page, base);
  await expect(page.getByTestId('kpi-employment_rate')).toHaveAttribute('data-value', '');
  await expect(page.getByTestId('kpi-employment_rate')).toContainText('—');
  await open(page, `${base}&node=Z-2`);
  await expect(page.getByTestId('child-row')).toHaveCount(0);
  await expect(page.getByTestId('no-children')).toContainText('此地没有下级数据');
  await expect(page.getByTestId('risk-legend')).toHaveCount(0);
  await w.check();
});

test('counts at u64::MAX neither overflow nor misformat', async ({ page }) => {
  const w = await watch(page);
  await open(page, './?data=fixtures/degenerate/huge/index.json');
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', '18446744073709551615');
  await expect(page.getByTestId('kpi-people')).toContainText('18446744.07万亿');
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|Infinity|e\+\d|-\d{5,}/);
  await fullShot(page, `${SHOTS}/degenerate-huge.png`);
  await open(page, './?data=fixtures/degenerate/huge/index.json&view=screen');
  await page.waitForTimeout(1500);
  expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|e\+\d/);
  await page.screenshot({ path: `${SHOTS}/degenerate-huge-screen.png` });
  await w.check();
});

test('a dataset that is one building opens on the building', async ({ page }) => {
  const w = await watch(page);
  for (const v of ['', '&view=present', '&view=screen']) {
    await open(page, `./?data=fixtures/degenerate/one-building/index.json${v}`);
    if (v === '') {
      await expect(page.getByTestId('node-title')).toHaveAttribute('data-level', 'building');
      await expect(page.getByTestId('risk-legend')).toBeVisible();
    }
    await expect(page.locator('body')).toContainText('唯一楼栋');
    await expect(page.getByTestId('error')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/degenerate-one-building${v.replace(/\W/g, '-')}.png` });
  }
  await w.check();
});

test('1,000 children: the chart shows the top 30 and the others together, the table pages', async ({ page }) => {
  const w = await watch(page);
  const base = './?data=fixtures/degenerate/wide/index.json';
  await open(page, base);
  const rows = page.getByTestId('chart-ranking').locator('.chart-data tbody tr');
  await expect(rows).toHaveCount(31);
  await expect(rows.last()).toContainText('其余 970 个（合计）');
  await expect(page.getByTestId('child-row')).toHaveCount(100);
  await expect(page.getByTestId('table-pager')).toContainText('第 1–100 行，共 1,000 行（第 1/10 页）');
  await fullShot(page, `${SHOTS}/degenerate-wide.png`);
  const first = await page.getByTestId('child-row').first().getAttribute('data-node-id');
  await page.getByTestId('page-next').click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId('table-pager')).toHaveAttribute('data-page', '2');
  await expect(page.getByTestId('child-row')).toHaveCount(100);
  expect(await page.getByTestId('child-row').first().getAttribute('data-node-id')).not.toBe(first);
  await page.goBack();
  await expect(page.getByTestId('table-pager')).toHaveAttribute('data-page', '1');
  await open(page, `${base}&page=99`);
  await expect(page.getByTestId('table-pager')).toHaveAttribute('data-page', '10');
  await expect(page.getByTestId('child-row')).toHaveCount(100);
  // Every row is on some page exactly once, and the export has all of them.
  const seen = new Set<string>();
  for (let p = 1; p <= 10; p++) {
    await open(page, `${base}&page=${p}`);
    for (const id of await page.getByTestId('child-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-id')!))) seen.add(id);
  }
  expect(seen.size).toBe(1000);
  const csv = await download(page, 'export-table');
  expect(csv.text.trim().split('\n').length).toBe(1001);
  // The big screen's board keeps to its rows; the slides' ranking pools the others too.
  await open(page, `${base}&view=screen`);
  // 18 rows fit at the design size (model::board::ROWS), the gaps between top, place in
  // focus and bottom taking a row each; the last of a thousand places is on the board.
  const boardRows = page.getByTestId('board-row');
  const gaps = await page.getByTestId('board').locator('.board-gap').count();
  expect(gaps).toBeGreaterThanOrEqual(1);
  await expect(boardRows).toHaveCount(18 - gaps);
  await expect(boardRows.last().locator('.board-rank')).toHaveText('1000');
  await page.screenshot({ path: `${SHOTS}/degenerate-wide-screen.png` });
  await open(page, `${base}&view=present&slide=2`);
  await page.screenshot({ path: `${SHOTS}/degenerate-wide-present.png` });
  await w.check();
});

test('one period: the trend and the comparison say so instead of drawing', async ({ page }) => {
  const w = await watch(page);
  await open(page, './?data=fixtures/degenerate/one-period/index.json');
  await expect(page.getByTestId('chart-trend')).toContainText('只有一个统计期');
  await fullShot(page, `${SHOTS}/degenerate-one-period.png`);
  await open(page, './?data=fixtures/degenerate/one-period/index.json&view=present&slide=6');
  await expect(page.locator('body')).toContainText('没有可对比的统计期');
  await page.screenshot({ path: `${SHOTS}/degenerate-one-period-compare.png` });
  await w.check();
});

for (const bad of ['https://evil.example/index.json', '//evil.example/index.json', 'javascript:alert(1)//.json',
  'data:application/json,{}', '/data/index.json', 'data\\..\\x.json', 'data/index.json?x=1']) {
  test(`data=${bad} is refused with a notice and the default dataset`, async ({ page }) => {
    const w = await watch(page);
    await open(page, `./?data=${encodeURIComponent(bad)}`);
    await expect(page.getByTestId('notice').first()).toContainText('data=');
    await expect(page.getByTestId('notice').first()).toContainText('只接受同源的相对 .json 地址');
    await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', 'demo');
    await w.check();
  });
}

type Case = { case: string; file: string; path: string; node: string | null; zh: string; problems: number };
const corpus: Case[] = JSON.parse(readFileSync('tests/corpus/manifest.json', 'utf8'));
for (const c of corpus) {
  test(`corpus ${c.case}: shows "${c.zh.slice(0, 40)}" at ${c.path}`, async ({ page }) => {
    const w = await watch(page);
    // Every request for data stays inside the case's own file or folder.
    const data: string[] = [];
    page.on('request', (r) => { const p = new URL(r.url()).pathname; if (/\.json$/.test(p) || p.startsWith('/fixtures/')) data.push(p); });
    const shard = !c.case.endsWith('.json');
    const url = shard ? `./?data=fixtures/corpus/${c.case}/index.json&node=A` : `./?data=fixtures/corpus/${c.case}`;
    await page.goto(url);
    const err = page.getByTestId('error');
    await expect(err).toBeVisible({ timeout: 20_000 });
    const at = `${c.file} ${c.path}${c.node ? ` (node ${c.node})` : ''}`;
    await expect(err.locator('li').first()).toHaveText(`${at} — ${c.zh}`);
    await expect(err.locator('h2')).toContainText(`${c.problems} 处问题`);
    await expect(err.locator('code')).toHaveText(shard ? `fixtures/corpus/${c.case}/shards/A.json` : `fixtures/corpus/${c.case}`);
    expect(await page.evaluate(() => document.querySelectorAll('body img, body script').length)).toBe(0);
    const mine = shard ? `/fixtures/corpus/${c.case}/` : `/fixtures/corpus/${c.case}`;
    expect(data.length, 'the case was requested').toBeGreaterThan(0);
    expect(data.filter((p) => !decodeURIComponent(p).startsWith(mine)), 'requests outside the case').toEqual([]);
    await w.check();
  });
}

test('a shard that contradicts the index is said on every view of the dataset from then on', async ({ page }) => {
  // The index says 镇雄县 (530627) has 1,000 more people than its own shard adds up to.
  const index = JSON.parse(readFileSync('public/data/index.json', 'utf8'));
  const at = index.nodes.findIndex((n: { id: string }) => n.id === '530627');
  expect(typeof index.m.people[at], 'a constant series in the demo').toBe('number');
  index.m.people[at] += 1000;
  await page.route('**/data/index.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(index) }));
  await page.goto('./?node=5306');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  await expect(page.getByTestId('notice').filter({ hasText: '数据不一致' })).toHaveCount(0);
  await page.locator('[data-testid=child-row][data-node-id="530627"] a').first().click();
  await expect(page.getByTestId('error')).toContainText('530627');
  // Back at the city and the root: the totals include the county's figure, so they say so.
  await page.goBack();
  await expect(page.getByTestId('node-title')).toHaveAttribute('data-node-id', '5306');
  await expect(page.getByTestId('notice').filter({ hasText: '数据不一致' })).toContainText('shards/530627.json');
  await page.getByTestId('crumb').first().click();
  await expect(page.getByTestId('node-title')).not.toHaveAttribute('data-node-id', '5306');
  await expect(page.getByTestId('notice').filter({ hasText: '数据不一致' })).toHaveCount(1);
});
