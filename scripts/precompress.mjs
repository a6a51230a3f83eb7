// Trunk post-build hook (after csp-hash.mjs): writes `<file>.br` and `<file>.gz` beside
// every file a browser fetches (the app's wasm, JS, CSS, HTML, SVG, and the dataset's
// JSON), so that a server sends them compressed without compressing on each request
// (scripts/serve-static.mjs does; README: nginx, Caddy, IIS). The app files at brotli's
// best (quality 11, a second or two); data at quality 9 (nearly as small, ten times
// faster on the demo's 14 MB).
// Usage: node scripts/precompress.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readdirSync, readFileSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('precompress: no directory (TRUNK_STAGING_DIR is not set)');
const APP = new Set(['.wasm', '.js', '.css', '.html', '.svg']);

function* files(d) {
  for (const name of readdirSync(d)) {
    const p = join(d, name);
    // Benchmark datasets (dist/bench, hundreds of MB) are generated later and left alone.
    if (statSync(p).isDirectory()) { if (name !== 'bench') yield* files(p); }
    else yield p;
  }
}
let n = 0, raw = 0, br = 0;
for (const f of [...files(dir)]) {
  const ext = extname(f);
  if (ext === '.br' || ext === '.gz') { unlinkSync(f); continue; } // a stale copy from before
  if (!APP.has(ext) && ext !== '.json') continue;
  const body = readFileSync(f);
  const quality = APP.has(ext) ? 11 : 9;
  const b = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  writeFileSync(`${f}.br`, b);
  writeFileSync(`${f}.gz`, gzipSync(body, { level: 9 }));
  n++; raw += body.length; br += b.length;
}
console.log(`precompress: ${n} files, ${(raw / 1048576).toFixed(1)} MB → ${(br / 1048576).toFixed(1)} MB brotli (and .gz) in ${dir}`);
