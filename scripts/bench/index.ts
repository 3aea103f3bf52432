// `npm run bench`: the extension's figures against design.md's budgets.
// `--sizes-only` builds and measures sizes alone (deterministic: CI fails when one is over budget).
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrossBrowserFigure } from './cross-browser';
import { crossBrowserTable, sizeTable, timingTable, type TimingFigure } from './report';
import { measureSizes, overBudget } from './sizes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUTPUT = join(ROOT, '.output');
const sizesOnly = process.argv.includes('--sizes-only');

function npm(args: string[]): void {
  const run = spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
}

async function main(): Promise<void> {
  npm(['exec', '--', 'wxt', 'zip']);
  const zip = readdirSync(OUTPUT).find((file) => file.endsWith('-chrome.zip'));
  const sizes = measureSizes(join(OUTPUT, 'chrome-mv3'), zip ? join(OUTPUT, zip) : null);
  console.log(`Sizes (Chrome MV3 build; gzip -9 per file)\n\n${sizeTable(sizes)}\n`);

  let timings: TimingFigure[] = [];
  let crossBrowser: CrossBrowserFigure[] = [];
  if (!sizesOnly) {
    const { measureTimings } = await import('./timings');
    ({ timings, crossBrowser } = await measureTimings(ROOT));
    console.log(`In both browsers (median of runs, minus a baseline measured in the same run; reported, never asserted)\n\n${crossBrowserTable(crossBrowser, ['chromium', 'firefox'])}\n`);
    console.log(`Timings and counts (median of runs; reported, never asserted)\n\n${timingTable(timings)}\n`);
  }

  writeFileSync(join(ROOT, 'bench-results.json'), `${JSON.stringify({ sizes, crossBrowser, timings }, null, 2)}\n`);
  console.log('Written to bench-results.json');
  const over = overBudget(sizes);
  if (over.length) {
    console.error(`Over budget: ${over.map((f) => f.name).join(', ')}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
