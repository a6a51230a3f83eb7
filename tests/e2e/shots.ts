import { Page } from '@playwright/test';

/**
 * A screenshot of the whole page, for review. The table of places below is drawn only when
 * it comes near the viewport (content-visibility: auto in style/main.css), so a capture
 * beyond the viewport would show it as an empty card: it is drawn for the capture (and
 * stays drawn on this page).
 */
export async function fullShot(page: Page, path: string) {
  await page.evaluate(() => document.querySelectorAll<HTMLElement>('.children').forEach((e) => { e.style.contentVisibility = 'visible'; }));
  await page.screenshot({ path, fullPage: true });
}
