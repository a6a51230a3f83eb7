// Trunk post-build hook, before the policy's hashes: Trunk names the big screen's build
// (`anju-show`, built as a "worker" so that Trunk loads nothing of it) without a hash, so
// a cache could pair an old script with a new wasm after a deploy. This names both files
// by their content, as Trunk names the dashboard's, and rewrites the loader's names in
// index.html; servers may then cache them for a year like every hashed file.
// Usage: node scripts/hash-show.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('hash-show: no directory (TRUNK_STAGING_DIR is not set)');
const names = { js: 'anju-show.js', wasm: 'anju-show_bg.wasm' };
const sha = createHash('sha256');
for (const f of Object.values(names)) sha.update(readFileSync(join(dir, f)));
const hash = sha.digest('hex').slice(0, 16);
const hashed = { js: `anju-show-${hash}.js`, wasm: `anju-show-${hash}_bg.wasm` };
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
for (const k of ['js', 'wasm']) {
  if (!html.includes(`'./${names[k]}'`)) throw new Error(`hash-show: index.html's loader does not name ./${names[k]}`);
  html = html.replaceAll(`'./${names[k]}'`, `'./${hashed[k]}'`);
  renameSync(join(dir, names[k]), join(dir, hashed[k]));
}
writeFileSync(page, html);
console.log(`hash-show: ${hashed.js}, ${hashed.wasm}`);
