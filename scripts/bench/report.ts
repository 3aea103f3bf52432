import type { BrowserName } from '../../tests/e2e/helpers/test-browser';
import type { CrossBrowserFigure } from './cross-browser';
import type { SizeFigure } from './sizes';

export interface TimingFigure {
  name: string;
  /** Median of the runs, and the spread (min–max), in the figure's unit. */
  median: number;
  min: number;
  max: number;
  unit: 'ms' | 'MB' | 'requests' | 'ratio';
  budget?: number;
  how: string;
  /**
   * The same run's baseline, printed beside the figure. `difference`: the same work without ours
   * (a trivial list, an ordinary day, an empty frame), and the budget is judged on what we add to
   * it; `ratio`: other work of the same moment (the page's own script), printed as a ratio only.
   */
  baseline?: { median: number; what: string; compare: 'difference' | 'ratio' };
}

/** What a budget is judged on: the difference from the baseline where it is the same work without ours. */
export const judged = (f: TimingFigure): number => (f.baseline?.compare === 'difference' ? f.median - f.baseline.median : f.median);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (text: string, width: number) => text.padEnd(width);

export function sizeTable(figures: SizeFigure[]): string {
  const rows = figures.map((f) => {
    const budget = f.budgetBytes === undefined ? '—' : kb(f.budgetBytes);
    const margin = f.budgetBytes === undefined ? '' : `${f.gzipBytes <= f.budgetBytes ? '' : 'OVER '}${((1 - f.gzipBytes / f.budgetBytes) * 100).toFixed(0)}% left`;
    const files = f.budgetFiles === undefined ? String(f.files) : `${f.files} of ${f.budgetFiles}${f.files <= f.budgetFiles ? '' : ' OVER'}`;
    return [f.name, kb(f.rawBytes), kb(f.gzipBytes), budget, margin, files];
  });
  return table(['size', 'raw', 'gzip', 'budget', 'margin', 'files'], rows);
}

export function timingTable(figures: TimingFigure[]): string {
  const rows = figures.map((f) => {
    const value = f.unit === 'ratio' ? `${f.median.toFixed(2)}×` : `${f.median.toFixed(f.unit === 'requests' ? 0 : 2)} ${f.unit}`;
    const spread = f.min === f.max ? '' : `${f.min.toFixed(2)}–${f.max.toFixed(2)}`;
    const budget = f.budget === undefined ? '—' : `${f.budget} ${f.unit}`;
    const verdict = f.budget === undefined ? '' : judged(f) <= f.budget ? 'within' : 'OVER';
    const compared = f.baseline?.compare === 'difference' ? `difference ${judged(f).toFixed(2)} ${f.unit}` : `ratio ${(f.median / Math.max(f.baseline?.median ?? 0, 0.001)).toFixed(2)}`;
    const baseline = f.baseline ? `${f.baseline.median.toFixed(2)} ${f.unit} ${f.baseline.what}; ${compared}` : '';
    return [f.name, value, spread, budget, verdict, baseline, f.how];
  });
  return table(['figure', 'median', 'spread', 'budget', '', 'baseline (same run)', 'how measured'], rows);
}

/** One row per figure, one column per browser: the figure, with the medians of what was measured and of its baseline. */
export function crossBrowserTable(figures: CrossBrowserFigure[], browsers: BrowserName[]): string {
  const cell = (result: CrossBrowserFigure['results'][BrowserName], budget?: number) => {
    if (!result) return '—';
    const verdict = budget === undefined ? '' : result.figure <= budget ? ' within' : ' OVER';
    const parts = result.baseline ? ` (${result.measured.toFixed(1)} vs ${result.baseline.toFixed(1)})` : '';
    return `${result.figure.toFixed(1)} ms${parts}${verdict}`;
  };
  const rows = figures.map((f) => [f.name, ...browsers.map((b) => cell(f.results[b], f.budget)), f.budget === undefined ? '—' : `${f.budget} ms`, f.how]);
  return table(['figure', ...browsers.map((b) => (b === 'chromium' ? 'Chromium' : 'Firefox')), 'budget', 'how measured'], rows);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
