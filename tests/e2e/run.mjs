// Runs the Playwright suite and ends with a plain "N passed, N failed" line CI can count.
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';

rmSync('test-results/results.json', { force: true });
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' } });
let passed = 0, failed = 0;
if (existsSync('test-results/results.json')) {
  const s = JSON.parse(readFileSync('test-results/results.json', 'utf8')).stats || {};
  passed = s.expected || 0;
  failed = (s.unexpected || 0) + (s.flaky || 0);
} else {
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(r.status === 0 && failed === 0 ? 0 : 1);
