import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Every view, checked by axe-core (the WCAG rule engine most accessibility audits use)
// against WCAG 2.1 A and AA: zero violations.
const VIEWS: [string, string, { width: number; height: number }][] = [
  ['dashboard-root', './', { width: 1366, height: 768 }],
  ['dashboard-county-filters', './?node=520524&group=disabled,left_behind_children&risk=red&alert=zero_employment,below_target', { width: 1366, height: 768 }],
  ['dashboard-phone-risk', './?node=520524&risk=red,yellow', { width: 390, height: 844 }],
  ['dashboard-building', './?node=520524-S1-C1-G1-B1', { width: 1366, height: 768 }],
  ['dashboard-suppressed-en', './?node=520524&suppress=1&lang=en&group=disabled', { width: 1366, height: 768 }],
  ['screen', './?view=screen', { width: 1920, height: 1080 }],
  ['present-cover', './?view=present&node=520524', { width: 1280, height: 720 }],
  ['present-1', './?view=present&node=520524&slide=1', { width: 1280, height: 720 }],
  ['present-6', './?view=present&node=520524&slide=6', { width: 1280, height: 720 }],
  ['present-7', './?view=present&node=520524&slide=7', { width: 1280, height: 720 }],
];

async function ready(page: Page) { await expect(page.getByTestId('app-ready')).toBeAttached(); }

for (const [name, url, size] of VIEWS) {
  test(`axe finds no WCAG A/AA violation: ${name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto(url);
    await ready(page);
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '').split('\n').slice(1, 2).join('')).join(' | ')}`);
    expect(found).toEqual([]);
  });
}
