// The tests' static server: the release build (dist/) at the root, as any intranet server
// would serve it, plus the test datasets under /fixtures/ (tests/fixtures, and the
// hostile corpus tests/corpus/files at /fixtures/corpus/), same origin, so that `data=`
// can point at them. Usage: node tests/e2e/serve.mjs PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve } from 'node:path';

const port = Number(process.argv[2] ?? 8765);
const roots = [
  ['/fixtures/corpus/', resolve('tests/corpus/files')],
  ['/fixtures/', resolve('tests/fixtures')],
  ['/', resolve('dist')],
];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const [prefix, dir] = roots.find(([p]) => path.startsWith(p));
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir) || !(await stat(file)).isFile()) throw new Error('not found');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving dist/ and tests/fixtures on http://127.0.0.1:${port}/`));
