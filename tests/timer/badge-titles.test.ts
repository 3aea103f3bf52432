import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, type BadgeInput } from '@/lib/timer/badge';
import type { RunningTimer } from '@/lib/storage/timer';

// The toolbar button's tooltip says why the badge looks as it does, in the
// browser's language, and in English where there is no catalogue.

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const signedIn = { token: 't', baseUrl: 'https://app.timecamp.com/third_party/api', user: { userId: 1, email: 'a@b.c', displayName: 'Alex' }, signedInAt: 0 };
const calm = { lastSyncAt: NOW, accountOffsetMinutes: 60, authProblem: false, problem: null };
const timer: RunningTimer = {
  timerId: 1,
  entryId: 2,
  taskId: 3,
  taskName: 'Fix login redirect',
  taskPath: 'Acme › Fix login redirect',
  externalTaskId: null,
  note: '',
  billable: true,
  startedAt: NOW - 65 * 60_000,
  source: null,
  startedHere: true,
  startId: null,
};
const input = (over: Partial<BadgeInput>): BadgeInput => ({ account: signedIn, timer: null, sync: calm, pending: 0, now: NOW, ...over });

const polish = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/pl/messages.json'), 'utf8')) as Record<string, { message: string }>;
function speakPolish() {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return polish[name]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
  });
}
const noCatalogue = () => vi.spyOn(fakeBrowser.i18n, 'getMessage').mockReturnValue('');

afterEach(() => {
  vi.restoreAllMocks();
});

const cases: Array<[string, Partial<BadgeInput>, string, string]> = [
  ['signed out', { account: null, timer }, 'TimeCamp: sign in to start tracking.', 'TimeCamp: zaloguj się, aby mierzyć czas.'],
  [
    'the token refused, one change waiting',
    { sync: { ...calm, authProblem: true }, pending: 1 },
    'TimeCamp no longer accepts your API token. Open the extension to sign in again. 1 change waits to be sent to TimeCamp.',
    'TimeCamp nie przyjmuje już Twojego tokenu API. Otwórz rozszerzenie i zaloguj się ponownie. 1 zmiana czeka na wysłanie do TimeCamp.',
  ],
  [
    'the token refused, nothing waiting',
    { sync: { ...calm, authProblem: true } },
    'TimeCamp no longer accepts your API token. Open the extension to sign in again.',
    'TimeCamp nie przyjmuje już Twojego tokenu API. Otwórz rozszerzenie i zaloguj się ponownie.',
  ],
  [
    'a timer running, three changes waiting, two held',
    { timer, pending: 3, held: 2 },
    'Tracking Acme › Fix login redirect.\n3 changes wait to be sent to TimeCamp.\n2 of them need your attention: open the extension.',
    'Mierzysz czas: Acme › Fix login redirect.\nZmiany czekające na wysłanie do TimeCamp: 3.\nZmiany wymagające Twojej uwagi: 2. Otwórz rozszerzenie.',
  ],
  ['nothing running', {}, 'TimeCamp: no timer running.', 'TimeCamp: timer nie działa.'],
];

describe('the badge’s tooltip', () => {
  it.each(cases)('%s, in English without a catalogue', (_, over, english) => {
    noCatalogue();
    expect(badgeFor(input(over)).title).toBe(english);
  });

  it.each(cases)('%s, in Polish', (_, over, __, inPolish) => {
    speakPolish();
    expect(badgeFor(input(over)).title).toBe(inPolish);
  });

  it('names a timer by its task’s name when it has no path, and by "time" when it has neither, with its note', () => {
    expect(badgeFor(input({ timer: { ...timer, taskPath: '', note: 'Call' } })).title).toBe('Tracking Fix login redirect: Call.');
    expect(badgeFor(input({ timer: { ...timer, taskPath: '', taskName: '' } })).title).toBe('Tracking time.');
  });
});

describe('held changes', () => {
  it('with no timer running, turn the badge into a red "!" and list each reason on its own line', () => {
    const problem = { kind: 'forbidden' as const, message: 'You may not track to this task', during: 'Starting the timer', at: NOW };
    expect(badgeFor(input({ pending: 2, held: 1, sync: { ...calm, problem } }))).toEqual({
      text: '!',
      color: '#c62828',
      icon: 'stopped',
      title: 'TimeCamp: no timer running.\n2 changes wait to be sent to TimeCamp.\n1 of them need your attention: open the extension.\nStarting the timer: You may not track to this task',
    });
  });

  it('with a timer running, leave its elapsed time on the badge, amber', () => {
    expect(badgeFor(input({ timer, pending: 1, held: 1 }))).toMatchObject({ text: '1:05', color: '#b26a00', icon: 'running' });
  });
});
