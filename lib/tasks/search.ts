import { foldText } from './fold';
import type { TaskNode } from './tree';

export interface SearchOptions {
  /** At most this many results (default: all matches). */
  limit?: number;
  /** Task ids the user picked lately, most recent first; matching ones come first, in this order. */
  recentIds?: readonly number[];
}

export interface TaskIndex {
  /** Matching nodes, best first; see `createTaskIndex`. */
  search(query: string, options?: SearchOptions): TaskNode[];
  readonly size: number;
}

// How well a match fits, best first, after the recent tasks.
const NAME_PREFIX = 0;
const NAME_WORD_PREFIX = 1;
const IN_NAME = 2;
const IN_PATH = 3;

/**
 * An index over the nodes a picker offers (pass only pickable ones). Every
 * node's text is folded once, here; a search is one linear scan with
 * `indexOf` over those strings and a numeric sort of the matches, which
 * keeps a keystroke over 10,000 tasks to a millisecond or so.
 *
 * Matching: every token of the query (split at spaces, `›`, `/` and `-`)
 * occurs somewhere in the task's path, ignoring case and accents. Ranking:
 * recently used tasks first (in `recentIds` order), then tasks whose own
 * name starts with a token, then whose name has a word starting with one,
 * then whose name contains one, then the rest; ties go to the shallower
 * task, then by name. An empty query lists recent tasks, then the tree in order.
 */
export function createTaskIndex(nodes: readonly TaskNode[]): TaskIndex {
  const count = nodes.length;
  const foldedNames = new Map<string, string>();
  const fold = (name: string) => {
    let folded = foldedNames.get(name);
    if (folded === undefined) {
      folded = foldText(name);
      foldedNames.set(name, folded);
    }
    return folded;
  };
  const names = nodes.map((node) => fold(node.name));
  // Segments joined by a space: the same as folding the path text, but each distinct name is folded once.
  const paths = nodes.map((node) => node.path.map(fold).join(' '));

  // Ties are broken by a fixed order, computed once, so that a match's whole
  // rank is one number: tier × count + its place in that order.
  const byTie = Array.from({ length: count }, (_, i) => i).sort((a, b) => {
    const depth = nodes[a]!.path.length - nodes[b]!.path.length;
    if (depth !== 0) return depth;
    return compare(names[a]!, names[b]!) || compare(paths[a]!, paths[b]!) || nodes[a]!.taskId - nodes[b]!.taskId;
  });
  const tiePlace = new Int32Array(count);
  byTie.forEach((nodeAt, place) => (tiePlace[nodeAt] = place));

  const indexOfTask = new Map<number, number>();
  nodes.forEach((node, at) => {
    if (!indexOfTask.has(node.taskId)) indexOfTask.set(node.taskId, at);
  });

  // Reused by every search: no allocation per node per keystroke.
  const scores = new Float64Array(count);
  const recentPlace = new Int32Array(count).fill(-1);

  function search(query: string, options: SearchOptions = {}): TaskNode[] {
    const limit = Math.max(0, options.limit ?? Infinity);
    if (limit === 0) return [];
    const recent = recentNodes(options.recentIds ?? []);
    const tokens = tokensOf(query);

    if (tokens.length === 0) {
      const results = recent.map((at) => nodes[at]!).slice(0, limit);
      const isRecent = new Set(recent);
      for (let at = 0; at < count && results.length < limit; at++) if (!isRecent.has(at)) results.push(nodes[at]!);
      return results;
    }

    recent.forEach((at, place) => (recentPlace[at] = place));
    let matched = 0;
    try {
      scan: for (let at = 0; at < count; at++) {
        const path = paths[at]!;
        for (const token of tokens) if (path.indexOf(token) < 0) continue scan;
        const place = recentPlace[at]!;
        const tier = place >= 0 ? place : recent.length + nameTier(names[at]!, tokens);
        scores[matched++] = tier * count + tiePlace[at]!;
      }
    } finally {
      for (const at of recent) recentPlace[at] = -1;
    }

    const ranked = scores.subarray(0, matched).sort();
    const results: TaskNode[] = [];
    for (let i = 0; i < matched && results.length < limit; i++) results.push(nodes[byTie[ranked[i]! % count]!]!);
    return results;
  }

  /** Positions of the recent tasks that are in the index, most recent first, each once. */
  function recentNodes(recentIds: readonly number[]): number[] {
    const found: number[] = [];
    for (const taskId of recentIds) {
      const at = indexOfTask.get(taskId);
      if (at !== undefined && !found.includes(at)) found.push(at);
    }
    return found;
  }

  return { search, size: count };
}

/** The query's distinct folded tokens, longest first (a long token rules out most tasks soonest). */
function tokensOf(query: string): string[] {
  const folded = foldText(query);
  if (folded === '') return [];
  return [...new Set(folded.split(' '))].sort((a, b) => b.length - a.length);
}

function nameTier(name: string, tokens: readonly string[]): number {
  let best = IN_PATH;
  for (const token of tokens) {
    let at = name.indexOf(token);
    if (at === 0) return NAME_PREFIX;
    while (at > 0 && best > NAME_WORD_PREFIX) {
      best = Math.min(best, startsWord(name, at) ? NAME_WORD_PREFIX : IN_NAME);
      at = name.indexOf(token, at + 1);
    }
  }
  return best;
}

/** A word starts at `at` when the character before it is ASCII punctuation or a space (`#12`, `(draft)`, `v2.login`). */
function startsWord(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const letterOrDigit = (before >= 97 && before <= 122) || (before >= 48 && before <= 57) || before >= 128;
  return !letterOrDigit;
}

/**
 * Folded strings in "natural" order: runs of digits compare as numbers, so
 * `task 2` comes before `task 10`. (Much cheaper than `Intl.Collator`, which
 * the folding makes unnecessary here.)
 */
function compare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(j);
    if (isDigit(x) && isDigit(y)) {
      const startA = i;
      const startB = j;
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      const byNumber = compareDigits(a.slice(startA, i), b.slice(startB, j));
      if (byNumber !== 0) return byNumber;
      continue;
    }
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Two runs of digits by value, without the float rounding of long ids. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : a.length - b.length;
}
