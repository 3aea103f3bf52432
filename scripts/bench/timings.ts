import type { TimingFigure } from './report';

/** Figures measured by running things; filled in as features land. */
export async function measureTimings(_root: string): Promise<TimingFigure[]> {
  return [];
}
