import { test, expect } from '@playwright/test';

// The shared case ui/unit-rollover: a count that rounds up to 10,000 of one unit is
// written in the next (1.00亿人, not 10000.0万人), in both languages.

const cases: [string, string, string][] = [
  ['wan.json', '1.00亿人', '100.00 million'],
  ['yi.json', '1.00万亿人', '1.00 trillion'],
];

for (const [file, zh, en] of cases) {
  test(`units roll over: ${file}`, async ({ page }) => {
    const data = `data=${encodeURIComponent(`fixtures/cases/ui/unit-rollover/${file}`)}`;
    await page.goto(`./?${data}`);
    await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
    await expect(page.getByTestId('kpi-people').locator('.kpi-value')).toHaveText(zh);
    await page.goto(`./?${data}&lang=en`);
    await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
    await expect(page.getByTestId('kpi-people').locator('.kpi-value')).toHaveText(en);
  });
}
