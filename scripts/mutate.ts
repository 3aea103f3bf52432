// `npm run mutate`: mutation testing (Stryker, its Vitest runner) over lib/timer/, lib/api/ and
// lib/entries/, one folder at a time against the test folders that exercise it, then one score
// over all three. One run over every folder with every related test takes many hours on two
// cores; per folder, each mutant meets only the tests written for that code (an undercount at
// worst: other tests could only kill more). Fails below the 90 % goal.
// Extra arguments go to every Stryker run (e.g. `-- --concurrency 1`); `--only api` runs one folder;
// `--report-only` runs nothing and prints the score of the reports the last runs left;
// `--only timer --files lib/timer/a.ts,lib/timer/b.ts` runs those files alone and puts their
// results into the folder's last report (for the files a change touched: an hour saved on timer/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORTS = join(ROOT, 'reports', 'mutation');
const GOAL = 90;

/** Test files of a folder, minus those too slow to run per mutant. */
const testsIn = (dir: string, except: string[] = []) =>
  readdirSync(join(ROOT, dir))
    .filter((file) => /\.test\.tsx?$/.test(file) && !except.includes(file))
    .map((file) => `${dir}/${file}`);

// The seeded random sequences replay hundreds of click-and-fault stories: minutes per mutant.
// Every behaviour they found has its own regression test in tests/timer/.
const TIMER_TESTS = testsIn('tests/timer', ['random-sequences.test.ts']);

const FOLDERS = [
  { name: 'api', mutate: 'lib/api/**/*.ts', tests: testsIn('tests/api') },
  { name: 'entries', mutate: 'lib/entries/**/*.ts', tests: [...testsIn('tests/entries'), ...TIMER_TESTS] },
  // service.ts is the timer's message surface: the messaging tests drive it.
  { name: 'timer', mutate: 'lib/timer/**/*.ts', tests: [...TIMER_TESTS, ...testsIn('tests/messaging')] },
];

type Status = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'Ignored' | 'CompileError' | 'RuntimeError';
interface Report {
  files: Record<string, { mutants: Array<{ status: Status }> }>;
}

interface Score {
  name: string;
  detected: number;
  valid: number;
}

/** Stryker's score: killed and timed-out mutants over every mutant that ran or had no test. */
function score(name: string, report: Report): Score {
  const mutants = Object.values(report.files).flatMap((file) => file.mutants);
  const count = (...statuses: Status[]) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  return { name, detected: count('Killed', 'Timeout'), valid: count('Killed', 'Timeout', 'Survived', 'NoCoverage') };
}

const percent = ({ detected, valid }: Score) => (valid === 0 ? 100 : (100 * detected) / valid);

function main(): void {
  const args = process.argv.slice(2);
  const reportOnly = args.includes('--report-only');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : undefined;
  const filesAt = args.indexOf('--files');
  const files = filesAt >= 0 ? args.splice(filesAt, 2)[1] : undefined;
  const folders = FOLDERS.filter((folder) => !only || folder.name === only);
  if (!folders.length) throw new Error(`--only ${only}: choose ${FOLDERS.map((folder) => folder.name).join(', ')}`);
  if (files !== undefined && folders.length !== 1) throw new Error('--files needs --only <folder>: the report its results go into');
  mkdirSync(REPORTS, { recursive: true });

  const scores: Score[] = [];
  for (const folder of reportOnly ? FOLDERS : folders) {
    const saved = join(REPORTS, `${folder.name}.json`);
    if (reportOnly) {
      if (!existsSync(saved)) throw new Error(`no report of lib/${folder.name}/ yet: run \`npm run mutate -- --only ${folder.name}\``);
      scores.push(score(`lib/${folder.name}/`, JSON.parse(readFileSync(saved, 'utf8')) as Report));
      continue;
    }
    if (files !== undefined && !existsSync(saved)) throw new Error(`--files adds to the last report of lib/${folder.name}/, and there is none: run the folder first`);
    console.log(`\n${files ?? `lib/${folder.name}/`}: ${folder.tests.length} test files\n`);
    const run = spawnSync('npx', ['stryker', 'run', '--mutate', files ?? folder.mutate, '--testFiles', folder.tests.join(','), '--reporters', 'clear-text,progress,html,json', ...args], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`Stryker failed on lib/${folder.name}/ (exit ${run.status})`);
    if (files === undefined) {
      renameSync(join(REPORTS, 'mutation.json'), saved);
      renameSync(join(REPORTS, 'index.html'), join(REPORTS, `${folder.name}.html`));
    } else {
      // The files run now replace their entries in the folder's report; the others keep theirs.
      const report = JSON.parse(readFileSync(saved, 'utf8')) as Report;
      Object.assign(report.files, (JSON.parse(readFileSync(join(REPORTS, 'mutation.json'), 'utf8')) as Report).files);
      writeFileSync(saved, JSON.stringify(report));
      rmSync(join(REPORTS, 'mutation.json'));
      renameSync(join(REPORTS, 'index.html'), join(REPORTS, `${folder.name}-files.html`));
    }
    scores.push(score(`lib/${folder.name}/`, JSON.parse(readFileSync(saved, 'utf8')) as Report));
  }

  const total = scores.reduce((sum, s) => ({ name: 'all', detected: sum.detected + s.detected, valid: sum.valid + s.valid }), { name: 'all', detected: 0, valid: 0 });
  console.log('\nMutation score (killed + timed out, of the mutants tested)\n');
  for (const s of [...scores, total]) console.log(`  ${s.name.padEnd(14)} ${percent(s).toFixed(2).padStart(6)} %  (${s.detected} of ${s.valid})`);
  console.log(`\nReports: reports/mutation/<folder>.html and .json. Goal: ${GOAL} %.`);
  if (percent(total) < GOAL) process.exit(1);
}

try {
  main();
} catch (error) {
  console.error(`mutate: ${(error as Error).message}`);
  process.exit(1);
}
