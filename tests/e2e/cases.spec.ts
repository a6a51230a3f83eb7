import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';

// The shared hostile cases (tests/fixtures/cases/hostile/<case>/case.json): each visit
// shows what the case says (an error matching its patterns, or a view), never the text it
// must not show, and no request for data leaves the folder it must stay under.

type Visit = { q: string; expect: 'error' | 'ok'; error_match?: string[]; notext?: string[]; stay_under?: string; rows?: number };
type Case = { case: string; index: string; visits: Visit[]; custom?: string };
const ROOT = 'tests/fixtures/cases/hostile';

/** A case's pattern: `(?i)` as a flag, the rest a JavaScript regular expression. */
const pattern = (p: string) => (p.startsWith('(?i)') ? new RegExp(p.slice(4), 'i') : new RegExp(p));

for (const name of readdirSync(ROOT)) {
  const c: Case = JSON.parse(readFileSync(`${ROOT}/${name}/case.json`, 'utf8'));
  if (c.custom) continue; // checked by their own tests (suppression)
  for (const v of c.visits) {
    test(`case ${name}${v.q}: ${v.expect}`, async ({ page }) => {
      const base = `/fixtures/cases/hostile/${name}/`;
      const requested: string[] = [];
      page.on('request', (r) => { const p = new URL(r.url()).pathname; if (p.startsWith('/fixtures/') || /\.json$/.test(p)) requested.push(p); });
      await page.goto(`./?data=${encodeURIComponent(`fixtures/cases/hostile/${name}/${c.index}`)}${v.q}`);
      if (v.expect === 'error') {
        const err = page.getByTestId('error');
        await expect(err).toBeVisible({ timeout: 20_000 });
        const text = await err.innerText();
        for (const m of v.error_match ?? []) expect(text, `matches ${m}`).toMatch(pattern(m));
      } else {
        await expect(page.getByTestId('app-ready')).toBeAttached({ timeout: 20_000 });
        if (v.rows !== undefined) await expect(page.getByTestId('child-row')).toHaveCount(v.rows);
      }
      const body = await page.locator('body').innerText();
      for (const t of v.notext ?? []) expect(body).not.toContain(t);
      expect(requested.length, 'the case was requested').toBeGreaterThan(0);
      const under = base + (v.stay_under ?? '');
      expect(requested.filter((p) => !decodeURIComponent(p).startsWith(under)), `requests outside ${under}`).toEqual([]);
    });
  }
}
