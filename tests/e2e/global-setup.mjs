// Writes the corpora the specs need: a generated 100,000-event corpus and a broken one.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, statSync } from 'node:fs';

/** Whether a generated file is missing or older than the generator that writes it. */
export function stale(file) {
  return !existsSync(file) || statSync(file).mtimeMs < statSync('../../src/core/corpus/generate.rs').mtimeMs;
}

export default function setup() {
  mkdirSync('.cache/big', { recursive: true });
  mkdirSync('.cache/broken', { recursive: true });
  if (stale('.cache/big/corpus.json')) {
    const out = execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'steppe-corpus', '--', 'generate', '100000', '--seed', '42'],
      { cwd: '../..', maxBuffer: 1 << 30 });
    writeFileSync('.cache/big/corpus.json', out);
  }
  // The real corpus with three broken records and a hostile one.
  const good = JSON.parse(readFileSync('../../public/corpus.json', 'utf8'));
  good.events[0].date = { year: 2022, month: 2, day: 30 };
  good.events[1].place.lat = 123;
  good.events[2].actors = [{ id: 'no-such-actor' }];
  good.sources[0].url = 'javascript:alert(1)';
  const hostile = good.events.slice(3).find((e) => !e.sources.includes(good.sources[0].id));
  hostile.title.en = '<img src=x onerror="window.__pwned=1">Hostile title';
  writeFileSync('.cache/broken/corpus.json', JSON.stringify(good, null, 2));
}
