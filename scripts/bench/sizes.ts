import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { scriptFiles } from '../../lib/integrations/catalog';

export interface SizeFigure {
  name: string;
  rawBytes: number;
  gzipBytes: number;
  /** Gzip budget from design.md, when the figure has one. */
  budgetBytes?: number;
  /** How many files it is (a page: the page, its scripts and style sheets). */
  files: number;
  /** At most this many files, when the figure has such a budget. */
  budgetFiles?: number;
}

/** What a tracker page loads from us, in total (design.md). */
export const TRACKER_PAGE_BUDGET = 12 * 1024;
/**
 * Before its first paint, the popup loads one page (its styles inside it), one script and the few
 * lines that start its first read while that script loads (public/first-read.js): each file more
 * is a round trip to the browser's extension loader before the first paint (ten shared chunks cost
 * the popup some 120 ms on a two-core machine). wxt.config.ts builds the popup on its own for this,
 * and modules/popup-inline-styles.ts puts its style sheet into the page. What it shows only after a
 * click loads later (components/popup/editors.ts), and is not counted here.
 */
export const POPUP_FILES_BUDGET = 3;
/** The whole extension, zipped (design.md). */
export const ZIP_BUDGET = 300 * 1024;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

const STATIC_IMPORT = /(?:import|from)\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /import\s*\(\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/**
 * A file and every chunk it imports: statically (what must load before it runs), or also
 * dynamically (`lazy: true`, what it may load later).
 */
function withImports(file: string, lazy = true, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const pattern of lazy ? [STATIC_IMPORT, DYNAMIC_IMPORT] : [STATIC_IMPORT]) {
    for (const [, specifier] of source.matchAll(pattern)) withImports(join(dirname(file), specifier!), lazy, seen);
  }
  return seen;
}

/** The scripts and styles an HTML page of the extension loads before it runs, with their static imports; `lazy`: also what they load later. */
function pageFiles(outDir: string, page: string, lazy = true): Set<string> {
  const html = readFileSync(join(outDir, page), 'utf8');
  const files = new Set<string>([join(outDir, page)]);
  for (const [, ref] of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
    for (const file of withImports(join(outDir, ref!), lazy)) files.add(file);
  }
  return files;
}

const difference = (all: Set<string>, some: Set<string>) => [...all].filter((file) => !some.has(file));

function figure(name: string, files: Iterable<string>, budgetBytes?: number, budgetFiles?: number): SizeFigure {
  let rawBytes = 0;
  let gzipBytes = 0;
  let count = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSize(bytes);
    count++;
  }
  return { name, rawBytes, gzipBytes, budgetBytes, files: count, budgetFiles };
}

/**
 * Sizes of a built extension (`.output/chrome-mv3`) and of its store zip:
 * each part, and what each tracker's pages load from us: the shared core and
 * the tracker's own script (`scriptFiles`), with any styles beside them.
 */
export function measureSizes(outDir: string, zipFile: string | null): SizeFigure[] {
  const figures = [
    figure('background', withImports(join(outDir, 'background.js'))),
    figure('popup, before its first paint', pageFiles(outDir, 'popup.html', false), undefined, POPUP_FILES_BUDGET),
    figure('popup, loaded after its first paint', difference(pageFiles(outDir, 'popup.html'), pageFiles(outDir, 'popup.html', false))),
    figure('options', pageFiles(outDir, 'options.html')),
  ];
  const scriptsDir = join(outDir, 'content-scripts');
  const contentScripts = existsSync(scriptsDir) ? readdirSync(scriptsDir).filter((file) => file.endsWith('.js')).sort() : [];
  for (const script of contentScripts.filter((file) => file !== 'core.js')) {
    const id = script.replace(/\.js$/, '');
    const files = scriptFiles(id).map((file) => join(outDir, file));
    const css = join(scriptsDir, `${id}.css`);
    if (existsSync(css)) files.push(css);
    figures.push(figure(`tracker page: ${id}`, files, TRACKER_PAGE_BUDGET));
  }
  if (zipFile) {
    // A zip is already compressed: its size on disk is what users download.
    const bytes = statSync(zipFile).size;
    figures.push({ name: `store zip (${relative(dirname(outDir), zipFile)})`, rawBytes: bytes, gzipBytes: bytes, budgetBytes: ZIP_BUDGET, files: 1 });
  }
  return figures;
}

export const overBudget = (figures: SizeFigure[]) =>
  figures.filter((f) => (f.budgetBytes !== undefined && f.gzipBytes > f.budgetBytes) || (f.budgetFiles !== undefined && f.files > f.budgetFiles));
