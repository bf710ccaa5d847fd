/**
 * `npm run bench`: every figure the project tracks, printed beside its goal and the baseline recorded
 * in baseline.json (`npm run bench -- --save` records the current figures as the new baseline).
 * Speed and memory live here, not in tests, because timings on a shared machine vary.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './figure.ts';

const here = dirname(fileURLToPath(import.meta.url));
const baselinePath = join(here, 'baseline.json');

async function main() {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const suites: [string, () => Promise<Figure[]>][] = [
    ['engine', async () => (await import('./engine.ts')).engineBench()],
    ['comparison', async () => (await import('./comparison.ts')).comparisonBench()],
    ['browser', async () => (await import('./browser.ts')).browserBench()],
    ['parallel', async () => (await import('./parallel.ts')).parallelBench()],
  ];
  const figures: Figure[] = [];
  for (const [name, suite] of suites) {
    if (only && only !== name) continue;
    process.stderr.write(`running ${name} benchmarks...\n`);
    try {
      figures.push(...(await suite()));
    } catch (error) {
      process.stderr.write(`${name} benchmarks could not run: ${(error as Error).message}\n`);
    }
  }
  const baseline: Record<string, number> = existsSync(baselinePath) ? JSON.parse(readFileSync(baselinePath, 'utf8')) : {};
  const rows = figures.map((f) => {
    const base = baseline[f.name];
    const change = base ? `${(((f.value - base) / base) * 100).toFixed(0).padStart(4)}%` : '    -';
    const goal = f.goal ? `${f.goal.kind === 'max' ? '<=' : '>='} ${format(f.goal.value)}` : '';
    const met = f.goal ? ((f.goal.kind === 'max' ? f.value <= f.goal.value : f.value >= f.goal.value) ? 'met' : 'MISSED') : '';
    return [f.name, `${format(f.value)} ${f.unit}`, base !== undefined ? `${format(base)} ${f.unit}` : '-', change, goal, met];
  });
  const header = ['figure', 'now', 'baseline', 'change', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  if (process.argv.includes('--save')) {
    writeFileSync(baselinePath, `${JSON.stringify(Object.fromEntries(figures.map((f) => [f.name, f.value])), null, 2)}\n`);
    process.stderr.write(`baseline saved to ${baselinePath}\n`);
  }
}

function format(x: number): string {
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

await main();
