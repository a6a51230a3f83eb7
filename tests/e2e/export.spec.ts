import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Every chart in every view exports as PNG (twice its CSS size) and SVG, stamped with
// the place, filters, period, as-of date and source.
for (const chart of ['ranking', 'channels', 'trend']) {
  test(`the ${chart} chart exports as a 2× PNG and a valid, stamped SVG`, async ({ page }) => {
    await page.goto('./?node=520603&group=disabled');
    await expect(page.getByTestId('app-ready')).toBeAttached();
    const canvas = page.getByTestId(`chart-${chart}`).locator('canvas');
    const box = (await canvas.boundingBox())!;
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-png-${chart}`).click()]);
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(bytes.readUInt32BE(16)).toBe(Math.round(box.width * 2));
    expect(bytes.readUInt32BE(20)).toBe(Math.round(box.height * 2));
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-svg-${chart}`).click()]);
    const text = readFileSync((await svg.path())!, 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName };
    }, text);
    expect(parsed).toEqual({ error: 0, root: 'svg' });
    for (const stamp of ['铜仁市 › 万山区', '残疾人', '2025-06', '数据截至：2025-06-30', '来源：']) {
      expect(text, stamp).toContain(stamp);
    }
  });
}
