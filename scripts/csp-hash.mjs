// Trunk post-build hook: the page's Content-Security-Policy allows scripts from its own
// origin only, but the page has inline scripts: the early request for the dataset's index
// (index.html) and the WebAssembly loader (Trunk.toml), whose text changes with every
// build (it names the hashed files). This puts the SHA-256 of
// each inline script into the policy in place of the 'inline-script-hashes' marker, so
// that exactly those scripts run and nothing injected ever could.
// Usage: node scripts/csp-hash.mjs [dir]   (default: $TRUNK_STAGING_DIR)
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-hash: no directory (TRUNK_STAGING_DIR is not set)');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const MARK = "'inline-script-hashes'";
if (!html.includes(MARK)) throw new Error(`csp-hash: ${file} has no ${MARK} marker in its policy`);
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  hashes.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
}
writeFileSync(file, html.replace(MARK, hashes.join(' ')));
console.log(`csp-hash: ${hashes.length} inline script(s) hashed into ${file}`);
