// Steppe's service worker: after one visit the app works offline.
// scripts/post-build.mjs fills in VERSION (a hash of the build) and FILES (the bundle), so
// each build installs as a new cache and the old one is deleted when it activates.
//
// Several deployments may share one origin (a blog at /2022/kazakhstan/ and another at
// /2024/...): each has its own scope, so cache names carry the scope, and a new build only
// deletes the caches of its own scope, never a neighbour's offline copy.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const PREFIX = `steppe ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;
const BUILD = new Set(FILES.map((f) => new URL(f, self.registration.scope).href));
const BUNDLED_CORPUS = new URL('./corpus.json', self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The corpus is data that changes without a new build: the bundled corpus.json and any
// corpus named by ?corpus= (the only requests the app makes to other origins) come from the
// network first, revalidated past the HTTP cache, so an edited corpus reaches returning
// readers on their next visit; the last copy fetched is kept for offline use.
function corpusFirst(req) {
  return caches.open(CACHE).then((cache) =>
    fetch(req, { cache: 'no-cache' })
      .then((resp) => {
        if (resp.ok) cache.put(req, resp.clone());
        return resp;
      })
      .catch(() => cache.match(req, { ignoreSearch: true }).then((hit) => hit || Promise.reject(new TypeError('offline, and no copy of ' + req.url)))),
  );
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) {
    if (req.mode === 'cors') event.respondWith(corpusFirst(req));
    return;
  }
  if (req.mode === 'navigate') {
    // The page: the network first (a new build is seen at once), the cache when offline.
    event.respondWith(
      fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./index.html'))),
    );
    return;
  }
  // corpus.json, and anything not part of the build (a corpus named by ?corpus=).
  const path = url.origin + url.pathname;
  if (path === BUNDLED_CORPUS || !BUILD.has(path)) {
    event.respondWith(corpusFirst(req));
    return;
  }
  // Hashed bundle files: from this deployment's cache, else the network.
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)),
  );
});
