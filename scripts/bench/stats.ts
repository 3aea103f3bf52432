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
