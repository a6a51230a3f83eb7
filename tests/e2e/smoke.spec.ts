import { test, expect } from '@playwright/test';
import { readFile } from './data';
import { fullShot } from './shots';

// The test reads the dataset itself and computes what the page must show.
const index = readFile('public/data/index.json');
const root = index.nodes.find((n: any) => n.id === index.root);
const latest = (v: number | number[]) => (Array.isArray(v) ? v[v.length - 1] : v);

test('the page loads the bundled data and shows the root and its people', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const dataRequests: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/data/')) dataRequests.push(r.url()); });

  await page.goto('./');
  await expect(page.getByTestId('app-ready')).toBeAttached();
  const title = page.getByTestId('node-title');
  await expect(title).toHaveText(root.name);
  await expect(title).toHaveAttribute('data-node-id', root.id);
  await expect(page.getByTestId('kpi-people')).toHaveAttribute('data-value', String(latest(root.m.people)));
  expect(dataRequests.some((u) => u.endsWith('/data/index.json'))).toBe(true);
  await fullShot(page, 'test-results/smoke-1366x768.png');
  expect(errors).toEqual([]);
});
