import { useMemo } from 'preact/hooks';
import { createTaskSource, type TaskSource } from '@/components/task-picker/task-source';
import { useStored } from '@/components/use-stored';
import { account, accountKeyOf } from '@/lib/storage/account';
import { pickableNodes, taskCache } from '@/lib/tasks/cache';

/**
 * The signed-in account's cached task tree for task fields: null while
 * signed out or before the background has fetched it (a cache another
 * account left is never shown).
 */
export function useTaskSource(): { signedIn: boolean; tasks: TaskSource | null } {
  const signedIn = useStored(account);
  const cache = useStored(taskCache);
  const tasks = useMemo(() => {
    if (!signedIn || !cache || cache.accountKey !== accountKeyOf(signedIn)) return null;
    return createTaskSource(pickableNodes(cache.nodes), cache.nodes);
  }, [signedIn, cache]);
  return { signedIn: Boolean(signedIn), tasks };
}
