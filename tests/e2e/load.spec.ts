import { test, expect, Page } from '@playwright/test';

// The first load: the dataset's index is asked for by the page's first script, before the
// wasm has been received and compiled, and it is the dataset the URL names, asked for
// once. An address the app would refuse is never asked for.

/** Every request the page makes, in order, as paths (without the query). */
function requests(page: Page) {
  const seen: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    seen.push(u.pathname);
  });
  return seen;
}
const timing = (page: Page) => page.evaluate(() => {
  const rs = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  return {
    index: rs.filter((e) => e.name.endsWith('.json')).map((e) => ({ name: new URL(e.name).pathname, start: e.startTime })),
    wasmEnd: rs.find((e) => e.name.endsWith('.wasm'))!.responseEnd,
  };
});

test('the demo index is requested once, before the wasm has arrived', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  expect(seen.filter((p) => p.endsWith('/data/index.json'))).toHaveLength(1);
  const t = await timing(page);
  expect(t.index[0].name).toMatch(/\/data\/index\.json$/);
  expect(t.index[0].start).toBeLessThan(t.wasmEnd);
});

test('data= is followed: its index is asked for early, and the demo never', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?data=fixtures/degenerate/one-period/index.json&lang=en');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  expect(seen.filter((p) => p.includes('/data/index.json'))).toEqual([]);
  expect(seen.filter((p) => p.endsWith('/fixtures/degenerate/one-period/index.json'))).toHaveLength(1);
  const t = await timing(page);
  expect(t.index[0].start).toBeLessThan(t.wasmEnd);
});

test('an address the app refuses is never asked for; the demo is shown, with the notice', async ({ page }) => {
  for (const bad of ['//evil.example/x.json', 'data/index.json%3F', 'a b.json', '/data/index.json', 'data//index.json']) {
    const seen = requests(page);
    await page.goto(`./?data=${encodeURIComponent(bad)}`);
    await expect(page.getByTestId('app-ready')).toBeAttached();
    expect(seen.filter((p) => p.endsWith('.json'))).toEqual(['/data/index.json']);
    await expect(page.getByTestId('notice').first()).toBeVisible();
  }
});

test('an early request that fails is asked again by the app, which reports it', async ({ page }) => {
  const seen = requests(page);
  await page.goto('./?data=fixtures/no-such/index.json');
  await expect(page.getByTestId('error')).toContainText('404');
  expect(seen.filter((p) => p.endsWith('/fixtures/no-such/index.json')).length).toBeGreaterThanOrEqual(1);
});
