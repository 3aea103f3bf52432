/** Median and spread of repeated runs: one run proves nothing on a shared machine. */
export function summarise(values: number[]): { median: number; min: number; max: number; p95: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, p95: at(0.95) };
}

export async function repeat<T = number>(times: number, run: () => Promise<T>): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < times; i++) values.push(await run());
  return values;
}

/** A figure measured beside its baseline: the difference of the two medians, or, where they were taken in pairs, the median of the pairs' differences. */
export type Result = { measured: number; baseline: number; figure: number };

export const difference = (measured: number, baseline: number): Result => ({ measured, baseline, figure: measured - baseline });

/**
 * Measured and baseline taken in turns, each pair within moments of each other, and the figure
 * the median of the pairs' differences: a load that comes and goes during the run moves both
 * halves of a pair alike, where two separate series of runs would each meet it differently.
 */
export async function paired(runs: number, measure: () => Promise<{ measured: number; baseline: number }>): Promise<Result> {
  const pairs: Array<{ measured: number; baseline: number }> = [];
  for (let run = 0; run < runs; run++) pairs.push(await measure());
  return {
    measured: summarise(pairs.map((pair) => pair.measured)).median,
    baseline: summarise(pairs.map((pair) => pair.baseline)).median,
    figure: summarise(pairs.map((pair) => pair.measured - pair.baseline)).median,
  };
}
