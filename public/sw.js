// Steppe's service worker: after one visit the app works offline.
// scripts/post-build.mjs fills in VERSION (a hash of the build) and FILES (the bundle), so
// each build installs as a new cache and the old one is deleted when it activates.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `steppe-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('steppe-') && k !== CACHE).map((k) => caches.delete(k))))
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
  // Hashed bundle files and the corpus: from the cache, else the network.
  event.respondWith(caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req)));
});
