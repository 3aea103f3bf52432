import { describe, expect, it } from 'vitest';
import { crossBrowserTable, judged, timingTable, type TimingFigure } from '../../scripts/bench/report';

const day = (median: number, baseline: number): TimingFigure => ({
  name: 'day view: draw',
  median,
  min: median,
  max: median,
  unit: 'ms',
  budget: 100,
  how: 'data to drawn',
  baseline: { median: baseline, what: 'an ordinary day', compare: 'difference' },
});

const verdictOf = (table: string) => table.split('\n')[2]!.match(/\b(within|OVER)\b/)?.[1];

describe('the bench report', () => {
  it('judges a budget on what we add to the same work without ours, so a slow machine does not fail it', () => {
    expect(judged(day(150, 70))).toBe(80);
    expect(verdictOf(timingTable([day(150, 70)]))).toBe('within');
    expect(timingTable([day(150, 70)])).toContain('difference 80.00 ms');
    expect(verdictOf(timingTable([day(150, 40)]))).toBe('OVER');
  });

  it('judges on the figure itself where the baseline is other work, printed as a ratio', () => {
    const board: TimingFigure = { ...day(90, 30), budget: 100, baseline: { median: 30, what: "the page's own script", compare: 'ratio' } };
    expect(judged(board)).toBe(90);
    expect(timingTable([board])).toContain('ratio 3.00');
    expect(verdictOf(timingTable([{ ...board, median: 120, min: 120, max: 120 }]))).toBe('OVER');
  });

  it('puts each browser in its column, judged on its own difference', () => {
    const table = crossBrowserTable(
      [{ name: 'popup: open to usable', unit: 'ms', budget: 100, how: 'in the page', results: { chromium: { measured: 200, baseline: 150, figure: 50 }, firefox: { measured: 300, baseline: 150, figure: 150 } } }],
      ['chromium', 'firefox'],
    );
    expect(table.split('\n')[0]).toMatch(/Chromium\s+Firefox/);
    expect(table).toContain('50.0 ms (200.0 vs 150.0) within');
    expect(table).toContain('150.0 ms (300.0 vs 150.0) OVER');
  });
});
