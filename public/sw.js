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

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // The page: the network first (a new build is seen at once), the cache when offline.
    event.respondWith(
      fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./index.html'))),
    );
    return;
  }
  // Hashed bundle files and the corpus: from this deployment's cache, else the network.
  event.respondWith(
    caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true })).then((hit) => hit || fetch(req)),
  );
});
