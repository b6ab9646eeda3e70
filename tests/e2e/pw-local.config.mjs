import { defineConfig } from '@playwright/test';

// Fixtures written by global-setup.mjs before the server starts.
export default defineConfig({
  testDir: './specs',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'test-results/results.json' }]],
  globalSetup: './global-setup.mjs',
  use: {
    baseURL: 'http://127.0.0.1:8181',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node serve.mjs 8181 --mount /big/=.cache/big --mount /broken/=.cache/broken',
    url: 'http://127.0.0.1:8181/index.html',
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
