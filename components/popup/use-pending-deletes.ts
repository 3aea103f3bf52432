import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';
import { errorText } from './actions';

/** How long a deleted entry can still be brought back before the background is told. */
export const UNDO_MS = 5000;

export interface PendingDeletes {
  /** Entries hidden from the list: waiting for their undo time to pass, or already sent. */
  hidden: ReadonlySet<number>;
  /** Entries that can still be undone, oldest first. */
  undoable: readonly number[];
  remove(entryId: number): void;
  undo(entryId: number): void;
  /** The last delete the background refused, to show. */
  error: string | null;
}

/**
 * Delete with undo: the entry leaves the list at once and `deleteEntry` goes
 * out only after `UNDO_MS`, unless Undo was pressed. Closing the popup
 * sends what is waiting (on `pagehide`) rather than dropping it.
 */
export function usePendingDeletes(send = (entryId: number) => sendMessage('deleteEntry', { entryId })): PendingDeletes {
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const [undoable, setUndoable] = useState<readonly number[]>([]);
  const [error, setError] = useState<string | null>(null);

  const dispatch = (entryId: number) => {
    timers.current.delete(entryId);
    setUndoable((ids) => ids.filter((id) => id !== entryId));
    send(entryId).catch((failure: unknown) => {
      // Refused: show the entry again, and say why.
      setHidden((ids) => without(ids, entryId));
      setError(errorText(failure));
    });
  };

  useEffect(() => {
    const flush = () => {
      for (const [entryId, handle] of timers.current) {
        clearTimeout(handle);
        dispatch(entryId);
      }
    };
    addEventListener('pagehide', flush);
    return () => {
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  return {
    hidden,
    undoable,
    error,
    remove(entryId) {
      if (timers.current.has(entryId)) return;
      setError(null);
      setHidden((ids) => new Set(ids).add(entryId));
      setUndoable((ids) => [...ids, entryId]);
      timers.current.set(entryId, setTimeout(() => dispatch(entryId), UNDO_MS));
    },
    undo(entryId) {
      const handle = timers.current.get(entryId);
      if (handle === undefined) return;
      clearTimeout(handle);
      timers.current.delete(entryId);
      setHidden((ids) => without(ids, entryId));
      setUndoable((ids) => ids.filter((id) => id !== entryId));
    },
  };
}

function without(ids: ReadonlySet<number>, entryId: number): ReadonlySet<number> {
  const next = new Set(ids);
  next.delete(entryId);
  return next;
}
