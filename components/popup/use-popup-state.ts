import { useEffect, useRef, useState } from 'preact/hooks';
import type { TaskSource } from '@/components/task-picker/task-source';
import { useStored } from '@/components/use-stored';
import { whenIdle } from '@/components/when-idle';
import { today } from '@/lib/entries/today';
import { account, type Account } from '@/lib/storage/account';
import { actionQueue } from '@/lib/storage/queue';
import { settings } from '@/lib/storage/settings';
import { storageFull } from '@/lib/storage/storage-full';
import { syncState } from '@/lib/storage/sync';
import { runningTimer, type RunningTimer } from '@/lib/storage/timer';
import type { TaskCache } from '@/lib/tasks/cache';
import { isPickable } from '@/lib/tasks/tree';
import { recentTasks } from '@/lib/tasks/recent';
import { idlePeriod } from '@/lib/timer/idle';
import { accountKeyOf } from '@/lib/storage/account';
import { readTrustedItems, type TrustedValues } from '@/lib/storage/trusted';
import { readTaskTree, watchTaskTree } from './task-tree';

/** What the first paint shows. public/first-read.js starts reading them first: the popup's page names their keys. */
export const FIRST_PAINT_ITEMS = { account, timer: runningTimer, sync: syncState, queue: actionQueue, settings, today, recentIds: recentTasks, idle: idlePeriod };
/** What the popup's first paint shows, read before it renders. */
export type PopupSnapshot = TrustedValues<typeof FIRST_PAINT_ITEMS>;

/**
 * The items the first paint shows, in one read: the popup renders once, with its content,
 * instead of a "Loading" paint followed by one storage read per item.
 */
export function readPopupSnapshot(): Promise<PopupSnapshot> {
  return readTrustedItems(FIRST_PAINT_ITEMS);
}

/**
 * Everything the popup renders from: the background's storage items, re-rendered on every
 * change, starting from `first` when it was read before the first render.
 */
export function usePopupState(first?: PopupSnapshot) {
  return {
    account: useStored(account, first?.account),
    timer: useStored(runningTimer, first?.timer),
    sync: useStored(syncState, first?.sync),
    queue: useStored(actionQueue, first?.queue),
    settings: useStored(settings, first?.settings),
    today: useStored(today, first?.today),
    recentIds: useStored(recentTasks, first?.recentIds),
    idle: useStored(idlePeriod, first?.idle),
    storageFull: useStored(storageFull),
  };
}


/**
 * The signed-in account's task tree, read after the first paint (see
 * task-tree.ts for why it is read by key), its search index warmed up in an
 * idle moment after that.
 */
export function useTaskSource(signedIn: Account | null | undefined): TaskSource | null {
  const [source, setSource] = useState<TaskSource | null>(null);
  const key = signedIn ? accountKeyOf(signedIn) : null;
  useEffect(() => {
    setSource(null);
    if (key === null) return;
    let live = true;
    // The search code loads after the first paint, as the tree it searches does.
    const sources = import('@/components/task-picker/task-source');
    const show = (cache: TaskCache | null) =>
      void sources.then(({ createTaskSource }) => live && setSource(cache && cache.accountKey === key ? createTaskSource(cache.nodes.filter(isPickable), cache.nodes) : null));
    const unwatch = watchTaskTree(show);
    const cancel = whenIdle(() => void readTaskTree(key).then(show));
    return () => {
      live = false;
      cancel();
      unwatch();
    };
  }, [key]);
  useEffect(() => (source ? whenIdle(() => source.index()) : undefined), [source]);
  return source;
}

let localStartAt = 0;

/** This popup is about to start a timer: the timer that appears next is ours, not one started elsewhere. */
export function noteLocalStart(): void {
  localStartAt = Date.now();
}

/** Whether this popup started a timer in the last half minute (see `noteLocalStart`). */
export function startedHereJustNow(): boolean {
  return Date.now() - localStartAt < 30_000;
}

/**
 * True when the running timer appeared while the popup was open without
 * this browser starting it: TimeCamp's app or another browser started it and
 * the sync on opening brought it here. (What ran before the popup opened
 * cannot be told apart: once TimeCamp confirms a start, the stored timer no
 * longer says where it came from.)
 */
export function useStartedElsewhere(timer: RunningTimer | null | undefined): boolean {
  const previous = useRef<RunningTimer | null | undefined>(undefined);
  const [elsewhere, setElsewhere] = useState<number | null>(null);
  useEffect(() => {
    // One popup per page: a start from an earlier mount (a test, a dev reload) says nothing about this one.
    localStartAt = 0;
  }, []);
  useEffect(() => {
    const before = previous.current;
    previous.current = timer;
    if (timer === undefined || before === undefined) return;
    if (!timer) return setElsewhere(null);
    const isNew = before === null || (before.startId === null && before.timerId !== timer.timerId);
    if (isNew && !startedHereJustNow() && timer.startId === null && timer.source === null && timer.timerId !== null) setElsewhere(timer.timerId);
  }, [timer]);
  return elsewhere !== null && timer?.timerId === elsewhere;
}
