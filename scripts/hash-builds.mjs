// Trunk post-build hook, before the policy's hashes: Trunk names the builds it treats as
// "workers" (the big screen's `anju-show`, the import view's `anju-import-view` and the
// import's worker `anju-import-worker`, so that Trunk loads none of them) without a hash,
// so a cache could pair an old script with a new wasm after a deploy. This names each
// build's two files by their content, as Trunk names the dashboard's, and rewrites the
// loader's names in index.html; servers may then cache them for a year like every hashed
// file. The worker also gets its entry script (`import-worker-<hash>.js`, a module that
// starts the wasm), named in the page's `<meta name="anju-import-worker">`.
// Usage: node scripts/hash-builds.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('hash-builds: no directory (TRUNK_STAGING_DIR is not set)');
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');

/** Renames a build's glue and wasm by their content; returns the new names. */
function hashBuild(build) {
  const names = { js: `${build}.js`, wasm: `${build}_bg.wasm` };
  const sha = createHash('sha256');
  for (const f of Object.values(names)) sha.update(readFileSync(join(dir, f)));
  const hash = sha.digest('hex').slice(0, 16);
  const hashed = { js: `${build}-${hash}.js`, wasm: `${build}-${hash}_bg.wasm` };
  for (const k of ['js', 'wasm']) renameSync(join(dir, names[k]), join(dir, hashed[k]));
  return { names, hashed, hash };
}

/** Replaces `from` (text, or a pattern) by `to` in the page, refusing a page that does
 * not name it. */
function rename(from, to) {
  const found = typeof from === 'string' ? html.includes(from) : from.test(html);
  if (!found) throw new Error(`hash-builds: index.html does not name ${from}`);
  html = typeof from === 'string' ? html.replaceAll(from, to) : html.replace(from, to);
}

for (const build of ['anju-show', 'anju-import-view']) {
  const { names, hashed } = hashBuild(build);
  for (const k of ['js', 'wasm']) rename(`'./${names[k]}'`, `'./${hashed[k]}'`);
  console.log(`hash-builds: ${hashed.js}, ${hashed.wasm}`);
}

const worker = hashBuild('anju-import-worker');
const entry = `import init from './${worker.hashed.js}';\ninit({ module_or_path: new URL('./${worker.hashed.wasm}', import.meta.url) });\n`;
const entryName = `import-worker-${worker.hash}.js`;
writeFileSync(join(dir, entryName), entry);
// Trunk's minifier may have dropped the attribute's quotes.
rename(/content=(["']?)\.\/import-worker\.js\1(?=[\s>])/, `content="./${entryName}"`);
console.log(`hash-builds: ${worker.hashed.js}, ${worker.hashed.wasm}, ${entryName}`);
writeFileSync(page, html);
