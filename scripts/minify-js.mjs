// Trunk post-build hook, first: the wasm-bindgen glue of each build, minified. Trunk's own
// minifier gives up on it (an ES module: "Failed to minify JS"), which left 68 KB of
// script where terser's output is 32 KB (9.4 → 7.5 KB brotli, for each build).
// Usage: node scripts/minify-js.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('minify-js: no directory (TRUNK_STAGING_DIR is not set)');
for (const f of readdirSync(dir).filter((f) => /^anju-.*\.js$/.test(f))) {
  const file = join(dir, f);
  const before = readFileSync(file, 'utf8');
  const out = await minify(before, { module: true, compress: true, mangle: true });
  writeFileSync(file, out.code);
  console.log(`minify-js: ${f} ${before.length} → ${out.code.length} bytes`);
}
