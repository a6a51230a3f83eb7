import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

// The shared case ui/long-names: 30-character place names. In the ranking chart each
// label starts with the name's first character and ends with "…" (read from the SVG
// export, drawn by the same code), and nothing is drawn in the canvas's leftmost pixels
// (a label running off the left edge would be).

const file = 'tests/fixtures/cases/ui/long-names/index.json';
const names: string[] = JSON.parse(readFileSync(file, 'utf8')).nodes.filter((n: any) => n.level === 'site').map((n: any) => n.name);

for (const width of [1280, 390]) {
  test(`long names in the ranking start with their first character at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`./?data=${encodeURIComponent('fixtures/cases/ui/long-names/index.json')}`);
    await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
    // No ink in the canvas's first 3 CSS px: every label starts inside it.
    const ink = await page.getByTestId('chart-ranking').locator('canvas').evaluate((c: HTMLCanvasElement) => {
      const dpr = c.width / c.getBoundingClientRect().width;
      const data = c.getContext('2d')!.getImageData(0, 0, Math.ceil(3 * dpr), c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(ink, 'pixels drawn at the left edge').toBe(0);
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-ranking').click()]);
    const svg = readFileSync((await d.path())!, 'utf8');
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const labels = await page.locator('svg text').evaluateAll((els) =>
      els.map((e) => ({ text: (e.textContent ?? '').trim() })));
    const cut = labels.filter((l) => l.text.endsWith('…'));
    expect(cut.length, labels.map((l) => l.text).join(' | ')).toBe(names.filter((n) => n.length >= 20).length);
    for (const l of cut) {
      expect(names.some((n) => n.startsWith(l.text.slice(0, -1))), `${l.text} is a name's beginning`).toBe(true);
    }
  });
}
