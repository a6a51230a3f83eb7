// A static server for the built dashboard on 127.0.0.1, as an office's intranet server
// would serve it: each request answered with the file's precompressed copy (`.br`, else
// `.gz`, written by scripts/precompress.mjs) when the browser accepts that encoding, with
// `Vary: Accept-Encoding`; Trunk's hashed files (name-<hash>.ext) cached for a year, the
// rest (the page, the data) revalidated on every load so that new data shows at once.
//   node scripts/serve-static.mjs <port> [<url prefix>=<folder> …]   (default: /=dist)
// Also imported: `serve(port, roots)`, roots as [prefix, folder] pairs, longest first.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const isFile = (p) => stat(p).then((s) => s.isFile(), () => false);

export function serve(port, roots) {
  const folders = roots.map(([p, d]) => [p, resolve(d)]);
  return createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (path.endsWith('/')) path += 'index.html';
      const [prefix, dir] = folders.find(([p]) => path.startsWith(p));
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir) || !(await isFile(file))) throw new Error('not found');
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body = null, encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (new RegExp(`\\b${enc}\\b`).test(accepts) && (await isFile(file + ext))) {
          body = await readFile(file + ext);
          encoding = enc;
          break;
        }
      }
      body ??= await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': HASHED.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'Accept-Encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  }).listen(port, '127.0.0.1');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const roots = process.argv.slice(3).map((a) => a.split('='));
  serve(port, roots.length ? roots : [['/', 'dist']]);
  console.log(`serving on http://127.0.0.1:${port}/`);
}
