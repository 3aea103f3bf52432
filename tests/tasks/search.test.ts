import { describe, expect, it } from 'vitest';
import { foldText } from '@/lib/tasks/fold';
import { createTaskIndex } from '@/lib/tasks/search';
import { buildTaskNodes, type TreeTask } from '@/lib/tasks/tree';

let nextId = 1;
/** A tree from nested names: `{ 'Acme Corp': { 'Hello World app': ['Fix login redirect'] } }`. */
function treeOf(spec: Record<string, unknown>, parentId: number | null = null, into: TreeTask[] = []): TreeTask[] {
  for (const [name, children] of Object.entries(spec)) {
    const taskId = nextId++;
    into.push({ taskId, parentId, name, externalTaskId: null, archived: false, color: null });
    if (Array.isArray(children)) for (const leaf of children) into.push({ taskId: nextId++, parentId: taskId, name: String(leaf), externalTaskId: null, archived: false, color: null });
    else if (children && typeof children === 'object') treeOf(children as Record<string, unknown>, taskId, into);
  }
  return into;
}

const nodes = buildTaskNodes(
  treeOf({
    'Acme Corp': {
      'Hello World app': { 'GitHub issues': ['Fix login redirect', 'Dark mode toggle'], Design: ['Login page mock-ups'] },
      'Mobile App': { Backend: ['Authentication', 'Relogin flow'] },
    },
    'Kraków Office': { Kuchnia: ['Żółć i sól', 'Łódź trip'], Straße: ['Großhandel'], Øresund: ['Bridge toll'] },
    Internal: { Admin: ['Meetings', 'Login audit'], Đakovo: ['Visit'] },
  }),
);
const index = createTaskIndex(nodes);
const idOf = (name: string) => nodes.find((node) => node.name === name)!.taskId;
const names = (query: string, options?: Parameters<typeof index.search>[1]) => index.search(query, options).map((node) => node.name);

describe('folding text for search', () => {
  it('drops case and accents, and splits at separators', () => {
    expect(foldText('Żółć i Sól')).toBe('zolc i sol');
    expect(foldText('Łódź')).toBe('lodz');
    expect(foldText('Straße Øresund Đakovo Æsir')).toBe('strasse oresund dakovo aesir');
    expect(foldText('  Acme › Hello/World - app  ')).toBe('acme hello world app');
  });
});

describe('task search', () => {
  it('finds a task by any part of its path, every word of the query counting', () => {
    expect(names('acme login')).toEqual(['Login page mock-ups', 'Fix login redirect', 'Relogin flow']);
    expect(names('hello world login')).toEqual(['Login page mock-ups', 'Fix login redirect']);
    expect(names('github')).toEqual(['GitHub issues', 'Dark mode toggle', 'Fix login redirect']);
    expect(names('acme nothing-like-this')).toEqual([]);
  });

  it('ignores case and accents, on either side', () => {
    expect(names('zolc')).toEqual(['Żółć i sól']);
    expect(names('lodz')).toEqual(['Łódź trip']);
    expect(names('ŁÓDŹ')).toEqual(['Łódź trip']);
    expect(names('krakow sol')).toEqual(['Żółć i sól']);
    expect(names('strasse')).toEqual(['Straße', 'Großhandel']);
    expect(names('grosshandel')).toEqual(['Großhandel']);
    expect(names('oresund')).toEqual(['Øresund', 'Bridge toll']);
    expect(names('dakovo')).toEqual(['Đakovo', 'Visit']);
  });

  it('treats ›, / and - in the query as spaces', () => {
    expect(names('acme › mobile › auth')).toEqual(['Authentication']);
    expect(names('internal/admin/meet')).toEqual(['Meetings']);
    expect(names('mock-ups')).toEqual(['Login page mock-ups']);
  });

  it('ranks a name starting with the query, then a word of the name, then inside the name, then the path', () => {
    // "Login audit" and "Login page mock-ups" start with it ("Login audit" is less deep); "Fix login
    // redirect" has it as a word; "Relogin flow" only inside a word.
    expect(names('login')).toEqual(['Login audit', 'Login page mock-ups', 'Fix login redirect', 'Relogin flow']);
    expect(names('admin')).toEqual(['Admin', 'Login audit', 'Meetings']);
  });

  it('puts recently used tasks first, in the order they were used', () => {
    const recentIds = [idOf('Relogin flow'), idOf('Meetings'), idOf('Fix login redirect')];
    expect(names('login', { recentIds })).toEqual(['Relogin flow', 'Fix login redirect', 'Login audit', 'Login page mock-ups']);
  });

  it('lists recent tasks and then the tree in order for an empty query', () => {
    const recentIds = [idOf('Meetings'), 123456, idOf('Visit'), idOf('Meetings')];
    expect(names('', { recentIds, limit: 5 })).toEqual(['Meetings', 'Visit', 'Acme Corp', 'Hello World app', 'Design']);
    expect(names('  ', { limit: 3 })).toEqual(['Acme Corp', 'Hello World app', 'Design']);
    expect(index.search('').length).toBe(nodes.length);
  });

  it('returns at most `limit` results, the best ones', () => {
    expect(names('login', { limit: 2 })).toEqual(['Login audit', 'Login page mock-ups']);
    expect(names('login', { limit: 0 })).toEqual([]);
  });

  it('gives the same answer when asked again (nothing left over from the previous search)', () => {
    const recentIds = [idOf('Relogin flow')];
    const first = names('login', { recentIds });
    expect(names('login')).toEqual(['Login audit', 'Login page mock-ups', 'Fix login redirect', 'Relogin flow']);
    expect(names('login', { recentIds })).toEqual(first);
  });

  it('searches 10,000 tasks and returns the right ones', () => {
    const large: TreeTask[] = [];
    for (let project = 0; project < 100; project++) {
      const projectId = 1_000_000 + project;
      large.push({ taskId: projectId, parentId: null, name: `Project ${project}`, externalTaskId: null, archived: false, color: null });
      for (let leaf = 0; leaf < 99; leaf++) {
        const name = leaf === 7 ? `Żółta kartka ${project}` : `Task ${project}-${leaf}`;
        large.push({ taskId: projectId * 100 + leaf, parentId: projectId, name, externalTaskId: null, archived: false, color: null });
      }
    }
    const big = createTaskIndex(buildTaskNodes(large));
    expect(big.size).toBe(10_000);
    expect(big.search('zolta').length).toBe(100);
    expect(big.search('project 42 zolta').map((node) => node.name)).toEqual(['Żółta kartka 42']);
    expect(big.search('task', { limit: 3 }).map((node) => node.pathText)).toEqual([
      'Project 0 › Task 0-0',
      'Project 0 › Task 0-1',
      'Project 0 › Task 0-2',
    ]);
  });

  it('finds the first rows of a ranking of thousands without ranking them all: the same rows, and how many match', () => {
    const large: TreeTask[] = [];
    for (let project = 0; project < 40; project++) {
      large.push({ taskId: 1000 + project, parentId: null, name: `Client ${(project * 7) % 40}`, externalTaskId: null, archived: false, color: null });
      for (let leaf = 0; leaf < 60; leaf++) {
        const name = [`Design ${leaf}`, `Review design ${leaf}`, `Meet ${leaf}`, `Redesign ${leaf}`][(leaf * 13 + project) % 4]!;
        large.push({ taskId: 100_000 + project * 100 + leaf, parentId: 1000 + project, name, externalTaskId: null, archived: false, color: null });
      }
    }
    const big = createTaskIndex(buildTaskNodes(large));
    const recentIds = [100_000 + 3 * 100 + 5, 100_000 + 17 * 100 + 40];
    for (const query of ['e', 'des', 'design 1', 'client 3', 'meet', 'desgin']) {
      const all = big.search(query, { recentIds });
      expect(all.length).toBeGreaterThan(0);
      for (const limit of [1, 7, 64, all.length + 5]) {
        const found = big.find(query, { recentIds, limit });
        expect(found.total).toBe(all.length);
        expect(found.nodes).toEqual(all.slice(0, limit));
      }
    }
    expect(big.find('', { limit: 3 })).toEqual({ nodes: big.search('').slice(0, 3), total: big.size });
  });
});

describe('finding tasks by issue key, recent note and despite a typo', () => {
  const issueNodes = buildTaskNodes([
    { taskId: 1, parentId: null, name: 'Jira', externalTaskId: null, archived: false, color: null },
    // Created for an issue with a template that leaves the key out: only the external id holds it.
    { taskId: 2, parentId: 1, name: 'Export fails', externalTaskId: 'jira_issue_acme.atlassian.net/PROJ-7', archived: false, color: null },
    { taskId: 3, parentId: 1, name: 'PROJ-17 Import hangs', externalTaskId: null, archived: false, color: null },
    { taskId: 4, parentId: null, name: 'Fix login redirect', externalTaskId: 'github_issue_octo/repo#12', archived: false, color: null },
    { taskId: 5, parentId: null, name: 'Settings page', externalTaskId: 'redmine_issue_redmine.example.org/123', archived: false, color: null },
    { taskId: 6, parentId: null, name: 'Weekly sync', externalTaskId: null, archived: false, color: null },
    { taskId: 7, parentId: null, name: 'Code review', externalTaskId: null, archived: false, color: null },
  ]);
  const keyed = createTaskIndex(issueNodes);
  const found = (query: string, options?: Parameters<typeof keyed.search>[1]) => keyed.search(query, options).map((node) => node.name);

  it('finds the task of an issue key, the exact key first, whatever the case', () => {
    expect(found('PROJ-7')[0]).toBe('Export fails');
    expect(found('proj-7')[0]).toBe('Export fails');
    expect(found('PROJ-17')).toEqual(['PROJ-17 Import hangs']);
    // `#12` is also the start of `#123`, as it is while typing it: the exact key ranks first.
    expect(found('#12')).toEqual(['Fix login redirect', 'Settings page']);
    expect(found('#123')).toEqual(['Settings page']);
  });

  it("finds a task by the note of the user's recent entry on it", () => {
    const notes = [
      { taskId: 6, note: 'Quarterly planning with Zoë' },
      { taskId: 7, note: 'Reviewed the invoice exporter' },
    ];
    expect(found('planning', { notes })).toEqual(['Weekly sync']);
    expect(found('zoe quarterly', { notes })).toEqual(['Weekly sync']);
    // A name match ranks above a note match.
    expect(found('export', { notes })).toEqual(['Export fails', 'Code review']);
    expect(found('planning')).toEqual([]);
  });

  it('tolerates one typo in a word of four letters or more', () => {
    expect(names('redirct')).toEqual(['Fix login redirect']);
    expect(names('redierct')).toEqual(['Fix login redirect']);
    expect(names('reddirect')).toEqual(['Fix login redirect']);
    expect(names('acme redirct')).toEqual(['Fix login redirect']);
    expect(names('meetigns')).toEqual(['Meetings']);
    // Two typos, or one in a short word, find nothing.
    expect(names('rdirct')).toEqual([]);
    expect(names('dsgn')).toEqual([]);
  });
});
