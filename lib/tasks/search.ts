import { foldText } from './fold';
import { issueKeysOf, queryIssueKey } from './issue-keys';
import { nearWordStart, NEAR_MIN_LENGTH } from './near-match';
import type { TaskNode } from './tree';

/** The note of one of the user's recent entries, and the task it was tracked to. */
export interface RecentNote {
  taskId: number;
  note: string;
}

export interface SearchOptions {
  /** At most this many results (default: all matches). */
  limit?: number;
  /** Task ids the user picked lately, most recent first; matching ones come first, in this order. */
  recentIds?: readonly number[];
  /** Notes of the user's recent entries: a task whose note matches the query is found too. */
  notes?: readonly RecentNote[];
  /** Whether a word with one typo still matches when nothing matches as typed (default: yes). */
  typos?: boolean;
}

/** The best matches (at most `limit` of them) and how many tasks match in all. */
export interface Found {
  nodes: TaskNode[];
  total: number;
}

export interface TaskIndex {
  /** Matching nodes, best first; see `createTaskIndex`. */
  search(query: string, options?: SearchOptions): TaskNode[];
  /**
   * The same matches' first `limit`, with their count: a list that shows a few rows of 10,000
   * matches ranks the few, not all (no full sort, no array of every match per keystroke).
   */
  find(query: string, options?: SearchOptions): Found;
  readonly size: number;
}

// How well a match fits, best first, after the recent tasks.
const ISSUE_KEY = 0;
const NAME_PREFIX = 1;
const NAME_WORD_PREFIX = 2;
const IN_NAME = 3;
const IN_PATH = 4;
const IN_NOTE = 5;
const NEAR = 6;

/**
 * An index over the nodes a picker offers (pass only pickable ones). Every
 * node's text is folded once, here; a search is one linear scan with
 * `indexOf` over those strings and a numeric sort of the matches, which
 * keeps a keystroke over 10,000 tasks to a millisecond or so.
 *
 * Matching: every token of the query (split at spaces, `›`, `/` and `-`)
 * occurs somewhere in the task's path or its issue keys (`PROJ-7`, `#12`,
 * from its name or external id), ignoring case and accents. A query that is
 * an issue key also finds the task carrying exactly that key, and a task
 * whose recent entry's note holds every token is found too. Only when
 * nothing matches so (a typo) does a second pass accept, for tokens of four
 * letters or more, a word or the start of a word one edit away: it costs a
 * scan of the index's distinct words, paid only on a miss.
 *
 * Ranking: recently used tasks first (in `recentIds` order), then the task
 * with the issue key typed, then tasks whose own name starts with a token,
 * then whose name has a word starting with one, then whose name contains
 * one, then the rest of the path, then matches by note; ties go to the
 * shallower task, then by name. An empty query lists recent tasks, then the
 * tree in order.
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
  // What tokens are looked for in: the path, then the task's issue keys (which an external id may hold alone).
  const keysAt = new Map<string, number[]>();
  const keyTexts = nodes.map((node, at) => {
    const keys = issueKeysOf(node.name, node.externalTaskId);
    for (const key of keys) {
      const holders = keysAt.get(key);
      if (!holders) keysAt.set(key, [at]);
      else if (!holders.includes(at)) holders.push(at);
    }
    return keys.length === 0 ? '' : keys.map(foldText).join(' ');
  });
  const haystacks = nodes.map((_, at) => (keyTexts[at] === '' ? paths[at]! : `${paths[at]!} ${keyTexts[at]!}`));
  // For the typo pass: the folded path segments (cached by name), then the keys.
  const words = wordTable(nodes.map((node, at) => (keyTexts[at] === '' ? node.path.map(fold) : [...node.path.map(fold), keyTexts[at]!])));

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
  // A match that does not come from the path: its tier (ISSUE_KEY or IN_NOTE), else 0.
  const extraTier = new Uint8Array(count);

  function find(query: string, options: SearchOptions = {}): Found {
    const limit = Math.max(0, options.limit ?? Infinity);
    const recent = recentNodes(options.recentIds ?? []);
    const tokens = tokensOf(query);

    if (tokens.length === 0) {
      const results = recent.map((at) => nodes[at]!).slice(0, limit);
      const isRecent = new Set(recent);
      for (let at = 0; at < count && results.length < limit; at++) if (!isRecent.has(at)) results.push(nodes[at]!);
      return { nodes: results, total: count };
    }

    recent.forEach((at, place) => (recentPlace[at] = place));
    const extras = extraMatches(query, tokens, options.notes ?? []);
    for (const [at, tier] of extras) extraTier[at] = tier + 1;
    let matched = 0;
    try {
      for (let at = 0; at < count; at++) {
        const extra = extraTier[at]!;
        let tier: number;
        if (extra === ISSUE_KEY + 1) tier = ISSUE_KEY;
        else {
          const haystack = haystacks[at]!;
          let inPath = true;
          for (const token of tokens) {
            if (haystack.indexOf(token) < 0) {
              inPath = false;
              break;
            }
          }
          if (inPath) tier = nameTier(names[at]!, tokens);
          else if (extra !== 0) tier = IN_NOTE;
          else continue;
        }
        const place = recentPlace[at]!;
        scores[matched++] = (place >= 0 ? place : recent.length + tier) * count + tiePlace[at]!;
      }
      if (matched === 0 && options.typos !== false) matched = nearMatches(tokens, recent.length);
    } finally {
      for (const at of recent) recentPlace[at] = -1;
      for (const [at] of extras) extraTier[at] = 0;
    }

    const kept = Math.min(matched, limit);
    if (kept < matched) selectSmallest(scores, matched, kept);
    const ranked = scores.subarray(0, kept).sort();
    const results: TaskNode[] = [];
    for (let i = 0; i < kept; i++) results.push(nodes[byTie[ranked[i]! % count]!]!);
    return { nodes: results, total: matched };
  }

  function search(query: string, options: SearchOptions = {}): TaskNode[] {
    return options.limit === 0 ? [] : find(query, options).nodes;
  }

  /** Tasks found other than by their path: by the issue key the query is, by a recent note. */
  function extraMatches(query: string, tokens: readonly string[], notes: readonly RecentNote[]): Map<number, number> {
    const found = new Map<number, number>();
    for (const note of notes) {
      const at = indexOfTask.get(note.taskId);
      if (at === undefined || found.has(at)) continue;
      const text = fold(note.note);
      if (tokens.every((token) => text.includes(token))) found.set(at, IN_NOTE);
    }
    const key = queryIssueKey(query);
    for (const at of (key && keysAt.get(key)) || []) found.set(at, ISSUE_KEY);
    return found;
  }

  /**
   * The typo pass: every token occurs in the task's text, or (four letters or
   * more) is one edit from one of its words or a word's start. Each distinct
   * word is checked once per token, and only for a token some task lacks as
   * typed: tokens too short for typos are checked first, so a query whose
   * short word occurs nowhere costs a scan and no word checks.
   */
  function nearMatches(tokens: readonly string[], recentCount: number): number {
    const typoTokens = tokens.filter((token) => token.length >= NEAR_MIN_LENGTH);
    if (typoTokens.length === 0) return 0;
    const ordered = [...tokens.filter((token) => token.length < NEAR_MIN_LENGTH), ...typoTokens];
    const nearByToken = new Map<string, Uint8Array>();
    const nearTo = (token: string) => {
      let near = nearByToken.get(token);
      if (!near) {
        near = new Uint8Array(words.list.length);
        for (let id = 0; id < words.list.length; id++) near[id] = nearWordStart(token, words.list[id]!) ? 1 : 0;
        nearByToken.set(token, near);
      }
      return near;
    };
    let matched = 0;
    scan: for (let at = 0; at < count; at++) {
      const haystack = haystacks[at]!;
      for (const token of ordered) {
        if (haystack.indexOf(token) >= 0) continue;
        if (token.length < NEAR_MIN_LENGTH) continue scan;
        const near = nearTo(token);
        let hit = false;
        for (let w = words.start[at]!; w < words.start[at + 1]! && !hit; w++) hit = near[words.ids[w]!] === 1;
        if (!hit) continue scan;
      }
      const place = recentPlace[at]!;
      scores[matched++] = (place >= 0 ? place : recentCount + NEAR) * count + tiePlace[at]!;
    }
    return matched;
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

  return { search, find, size: count };
}

/**
 * Each task's distinct words as ids into one list of distinct words (`start[at]`
 * to `start[at + 1]` in `ids`), from its text's segments (the folded names of
 * its path, then its keys). A parent's name recurs in every task under it, so
 * each distinct segment is split and looked up once.
 */
function wordTable(segmentsByTask: ReadonlyArray<readonly string[]>): { list: string[]; ids: Int32Array; start: Int32Array } {
  const idOf = new Map<string, number>();
  const list: string[] = [];
  const idsOfSegment = new Map<string, number[]>();
  const lastTask: number[] = [];
  let ids = new Int32Array(segmentsByTask.length * 8);
  let used = 0;
  const start = new Int32Array(segmentsByTask.length + 1);
  segmentsByTask.forEach((segments, at) => {
    start[at] = used;
    for (const segment of segments) {
      let segmentIds = idsOfSegment.get(segment);
      if (!segmentIds) {
        segmentIds = [];
        for (const word of segment.split(' ')) {
          if (word.length === 0) continue;
          let id = idOf.get(word);
          if (id === undefined) {
            id = list.length;
            idOf.set(word, id);
            list.push(word);
            lastTask.push(-1);
          }
          segmentIds.push(id);
        }
        idsOfSegment.set(segment, segmentIds);
      }
      for (const id of segmentIds) {
        if (lastTask[id] === at) continue; // each word once per task
        lastTask[id] = at;
        if (used === ids.length) {
          const grown = new Int32Array(ids.length * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[used++] = id;
      }
    }
  });
  start[segmentsByTask.length] = used;
  return { list, ids: ids.subarray(0, used), start };
}

/**
 * Moves the `k` smallest of `values[0..length)` (all distinct) to its front, in no order: Hoare's
 * selection, linear on average, where sorting all of them is not.
 */
function selectSmallest(values: Float64Array, length: number, k: number): void {
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swapped = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swapped;
      }
    }
    // values[lo..j] ≤ pivot ≤ values[i..hi]: keep narrowing on the side that holds the k-th.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else return;
  }
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
