// Runs after every Trunk build (Trunk.toml [[hooks]], stage post_build) on the staging dir:
//  1. moves Trunk's inline boot script into a file, so the page runs under a strict
//     Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'), and registers the
//     service worker from it;
//  2. versions the service worker with a hash of the build and the list of files to cache;
//  3. writes steppe.html: one self-contained file (CSS, JS, wasm and corpus inlined) that
//     opens from file:// with no server and no network.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, renameSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** JSON text made safe inside <script type="application/json">: every "<" becomes "\u003c"
 * (JSON only has "<" inside strings, where the escape means the same), so no "</script>",
 * "<!--" or "<script" in a corpus can end the element early or change how the rest of the
 * page parses. */
export function inlineJson(text) {
  return text.replace(/</g, '\\u003c');
}

/** JavaScript made safe inside <script>: "</script" and "<!--" cannot appear (inside JS
 * strings and regular expressions "<\/" and "<\!" mean the same). */
export function inlineJs(text) {
  return text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

// Run as a script (the Trunk hook), not when a test imports the helpers above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

function main() {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) throw new Error('usage: post-build.mjs DIR (or run from a Trunk hook)');
  const read = (f) => readFileSync(join(dir, f));
  const hash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);

  // 1. The boot script, out of the page.
  let html = read('index.html').toString();
  const inlineBoot = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!inlineBoot) throw new Error('no inline module script in index.html');
  const register = `
  if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
    navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('offline cache unavailable:', e.message));
  }
  `;
  // The bundled corpus downloads while the app does (not after it starts), unless the link
  // names another corpus: then the bundled one is never fetched.
  const preload = `
if (!new URLSearchParams(location.search).has('corpus')) {
  const link = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: 'corpus.json', crossOrigin: 'anonymous' });
  document.head.append(link);
}
`;
  const body = inlineBoot[1].trim();
  // Trunk's static import would hold the whole module back until the app's script has
  // downloaded and been evaluated; imported dynamically, after the preload, it lets the
  // corpus start downloading as soon as this small file arrives.
  const imported = body.match(/^import init, \* as bindings from '([^']+)';\s*/);
  if (!imported) throw new Error(`unexpected boot script imports: ${body.slice(0, 120)}`);
  const dynamicImport = `const bindings = await import('${imported[1]}');\nconst init = bindings.default;\n`;
  const boot = preload + dynamicImport + body.slice(imported[0].length) + '\n' + register;
  const bootName = `boot-${hash(boot)}.js`;
  writeFileSync(join(dir, bootName), boot);
  html = html.replace(inlineBoot[0], `<script type="module" src="./${bootName}"></script>`);

  // 1b. The loading worker's files, named by their content (Trunk does not hash them), so a
  // page never starts a worker from another build out of a cache; the page finds its
  // starting script in a meta element.
  const workerHash = hash(Buffer.concat([read('steppe-worker.js'), read('steppe-worker_bg.wasm')]));
  const workerJs = `steppe-worker-${workerHash}.js`;
  const workerWasm = `steppe-worker-${workerHash}_bg.wasm`;
  renameSync(join(dir, 'steppe-worker.js'), join(dir, workerJs));
  renameSync(join(dir, 'steppe-worker_bg.wasm'), join(dir, workerWasm));
  const starter = read('worker.js').toString()
    .replace("'steppe-worker.js'", `'${workerJs}'`)
    .replace("'steppe-worker_bg.wasm'", `'${workerWasm}'`);
  const starterName = `worker-${hash(starter)}.js`;
  writeFileSync(join(dir, starterName), starter);
  unlinkSync(join(dir, 'worker.js'));
  // Its code's files too: "Download this explorer" carries them into the file it makes.
  html = html.replace('</head>', `  <meta name="steppe-worker" content="./${starterName}" data-glue="./${workerJs}" data-wasm="./${workerWasm}">\n</head>`);
  writeFileSync(join(dir, 'index.html'), html);

  // 2. The service worker.
  const files = readdirSync(dir).filter((f) => !['sw.js', 'steppe.html'].includes(f)).sort();
  const version = hash(Buffer.concat(files.map(read)));
  const sw = read('sw.js').toString()
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)]));
  writeFileSync(join(dir, 'sw.js'), sw);

  // 3. The single file: the same page, with every file it loads inlined.
  const css = files.filter((f) => f.endsWith('.css')).map((f) => read(f).toString()).join('\n');
  const glue = read(files.find((f) => /^steppe-app-.*\.js$/.test(f))).toString();
  const wasm = read(files.find((f) => /^steppe-app-.*_bg\.wasm$/.test(f))).toString('base64');
  // "</" cannot appear inside a style element; CSS reads "<\/" as "</".
  const inline = (text) => text.replace(/<\//g, '<\\/');
  const corpus = inlineJson(read('corpus.json').toString());
  // The loading worker's source, glue and wasm together: from file:// no worker script can be
  // fetched, but one made from this text (a blob) starts, so a large file is read off the
  // page's main thread there too.
  const workerSource = `${read(workerJs).toString()}
wasm_bindgen({ module_or_path: Uint8Array.from(atob('${read(workerWasm).toString('base64')}'), (c) => c.charCodeAt(0)) })
  .catch(() => { postMessage('failed'); close(); });`;
  const singleBoot = `${glue.replace(/^export \{[^}]*\};?\s*$/m, '')}
  const wasmBytes = Uint8Array.from(atob('${wasm}'), (c) => c.charCodeAt(0));
  await __wbg_init({ module_or_path: wasmBytes });`;
  const replaceOnce = (text, pattern, replacement) => {
    if (!pattern.test(text)) throw new Error(`single file: ${pattern} not found in index.html`);
    return text.replace(pattern, () => replacement);
  };
  let single = html;
  single = replaceOnce(single, /<link rel="icon"[^>]*>/, '<link rel="icon" href="data:,">');
  single = replaceOnce(single, /<link rel="stylesheet"[^>]*>/, `<style>${inline(css)}</style>`);
  single = single.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
  single = replaceOnce(single, /<script type="module" src="[^"]*"><\/script>/,
    `<script type="application/json" id="steppe-corpus">${corpus}</script>\n<script type="text/plain" id="steppe-worker-source">${inlineJs(workerSource)}</script>\n<script type="module">\n${inlineJs(singleBoot)}\n</script>`);
  writeFileSync(join(dir, 'steppe.html'), single);
  console.log(`post-build: ${bootName}, sw.js version ${version} (${files.length + 1} files), steppe.html ${(single.length / 1024).toFixed(0)} KB`);
}
