// The map's figures for the UI benchmark: the geometry files' sizes (raw and brotli, as
// the index names them), the first map draw (the app's own measures: building the map
// from the geometry, "anju-map-spec", then painting it, the first "anju-map-paint"), and
// hover redraws (each "anju-map-paint" after the pointer moves onto another place).
import { brotli } from './bundle.mjs';
import { pct } from './browser.mjs';

const kb = (n) => (n / 1024).toFixed(1);
const entries = (page, name) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);

/** Sizes of every geometry file the index at `indexUrl` names, and how many sites each
 * draws as points: [{ node, raw, br, points }]. */
export async function geometrySizes(indexUrl) {
  const index = await (await fetch(indexUrl)).json();
  const files = index.geo?.files ?? {};
  const out = [];
  for (const [node, path] of Object.entries(files)) {
    const body = Buffer.from(await (await fetch(new URL(path, indexUrl))).arrayBuffer());
    const points = JSON.parse(body.toString('utf8')).points?.length ?? 0;
    out.push({ node, root: node === index.root, raw: body.length, br: brotli(body), points });
  }
  return out;
}

/** First draws over `loads` fresh pages of `url` and hover redraws on the last: ms. */
export async function mapTimes(ctx, url, loads = 5, open) {
  const first = [];
  const parts = { spec: [], paint: [] };
  const hover = [];
  let places = 0;
  for (let i = 0; i < loads; i++) {
    const page = await ctx.newPage();
    await open(page, url);
    await page.waitForFunction(() => performance.getEntriesByName('anju-map-paint').length > 0
      && document.querySelector('[data-testid=chart-map] tr[data-node-id]'), null, { timeout: 60_000 });
    const [spec] = await entries(page, 'anju-map-spec');
    const [paint] = await entries(page, 'anju-map-paint');
    first.push(spec + paint);
    parts.spec.push(spec);
    parts.paint.push(paint);
    if (i === loads - 1) {
      const canvas = page.getByTestId('chart-map').locator('canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = await canvas.boundingBox();
      const points = await page.getByTestId('chart-map').locator('tbody tr[data-node-id]')
        .evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('data-x')), Number(r.getAttribute('data-y'))]));
      places = points.length;
      // Round the places twice: every move lands on another place, so each repaints (a
      // map of one place has no other to move to: no hover figure, which reads MISSED).
      if (points.length < 2) points.length = 0;
      for (const [x, y] of [...points, ...points]) {
        const before = (await entries(page, 'anju-map-paint')).length;
        await page.mouse.move(box.x + x, box.y + y);
        await page.waitForFunction((n) => performance.getEntriesByName('anju-map-paint').length > n, before, { timeout: 10_000 });
        hover.push((await entries(page, 'anju-map-paint')).at(-1));
      }
    }
    await page.close();
  }
  return { first, parts, hover, places };
}

/** Prints the figures and checks the issue's goals through `goal(what, ok, samples)`. */
export async function reportMap(ctx, base, label, index, open, goal) {
  const indexUrl = new URL(index || 'data/index.json', base).href;
  console.log(`== map: ${label} (${indexUrl})`);
  const sizes = await geometrySizes(indexUrl);
  for (const s of sizes) console.log(`   geometry ${s.node.padEnd(8)} raw ${kb(s.raw).padStart(6)} KB  brotli ${kb(s.br).padStart(5)} KB${s.root ? '  (the root)' : ''}${s.points ? `  ${s.points} sites` : ''}`);
  const root = sizes.find((s) => s.root);
  goal('the root geometry file ≤ 60 KB brotli', root !== undefined && root.br <= 60 * 1024);
  const { first, parts, hover, places } = await mapTimes(ctx, `${base}${index ? `?data=${index}` : ''}`, 5, open);
  console.log(`   first map draw at the root (${places} places), 5 loads: median ${pct(first, 50).toFixed(1)} ms, max ${Math.max(...first).toFixed(1)} ms (building: median ${pct(parts.spec, 50).toFixed(1)} ms; painting: ${pct(parts.paint, 50).toFixed(1)} ms)`);
  console.log(`   hover redraw (${hover.length} moves): p50 ${pct(hover, 50).toFixed(1)} ms, p95 ${pct(hover, 95).toFixed(1)} ms`);
  goal('first map draw ≤ 50 ms', pct(first, 50) <= 50, first);
  goal('hover redraw p95 within a frame (16.7 ms)', pct(hover, 95) <= 16.7, hover);
  // The county with the most sites drawn as circles, where there is one.
  const county = sizes.filter((s) => s.points > 0).sort((a, b) => b.points - a.points)[0];
  if (county) {
    const query = `?node=${encodeURIComponent(county.node)}${index ? `&data=${index}` : ''}`;
    const c = await mapTimes(ctx, `${base}${query}`, 5, open);
    console.log(`   first map draw at county ${county.node} (${c.places} sites), 5 loads: median ${pct(c.first, 50).toFixed(1)} ms, max ${Math.max(...c.first).toFixed(1)} ms; hover redraw (${c.hover.length} moves): p50 ${pct(c.hover, 50).toFixed(1)} ms, p95 ${pct(c.hover, 95).toFixed(1)} ms`);
    goal('first map draw at a county ≤ 50 ms', pct(c.first, 50) <= 50, c.first);
    goal('hover redraw at a county p95 within a frame (16.7 ms)', pct(c.hover, 95) <= 16.7, c.hover);
  }
}
