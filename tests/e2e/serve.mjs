// A tiny static server for the end-to-end tests: serves dist/ at / and at sub-paths,
// with optional corpus overrides and an optional strict Content-Security-Policy header.
//   node serve.mjs PORT [--csp] [--gzip] [--cors] [--mount /path/=DIR ...] [--file /url=FILE ...]
// --gzip compresses responses for clients that accept it, as a static host would.
// --cors lets pages on other origins read what it serves, as a corpus host must.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const port = Number(args[0] || 8081);
const csp = args.includes('--csp');
const gzip = args.includes('--gzip');
const cors = args.includes('--cors');
const root = resolve(new URL('../../dist', import.meta.url).pathname);
const mounts = [];   // [prefix, dir]
const files = {};    // url -> file
for (let i = 1; i < args.length; i++) {
  if (args[i] === '--mount') { const [p, d] = args[++i].split('='); mounts.push([p, resolve(d)]); }
  if (args[i] === '--file') { const [u, f] = args[++i].split('='); files[u] = resolve(f); }
}
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.ico': 'image/x-icon', '.png': 'image/png', '.svg': 'image/svg+xml' };

createServer(async (req, res) => {
  const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  // A mounted directory wins when it has the file; otherwise the bundle answers at any
  // sub-path (dist/ is flat), which is how a static host serves it under /blog/explorer/.
  let file = files[url];
  for (const [prefix, dir] of mounts) {
    if (file || !url.startsWith(prefix)) continue;
    const candidate = normalize(join(dir, url.slice(prefix.length) || 'index.html'));
    if (candidate.startsWith(dir) && await stat(candidate).then(s => s.isFile(), () => false)) file = candidate;
  }
  if (!file) {
    const name = url.split('/').pop() || 'index.html';
    file = join(root, name);
  }
  try {
    const body = await readFile(file);
    const headers = { 'content-type': types[extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' };
    if (cors) headers['access-control-allow-origin'] = '*';
    if (csp) headers['content-security-policy'] = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors *";
    if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
      headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers).end(gzipSync(body, { level: 9 }));
      return;
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://127.0.0.1:${port}`));
