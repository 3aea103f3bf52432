import { useEffect } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/protocol';

/** How often a popup left open asks again: a timer started or stopped in TimeCamp's app shows within this. */
const PERIODIC_SYNC_MS = 15_000;

/**
 * Keeps the popup on TimeCamp's truth while someone is signed in: a sync as it
 * opens (or as the user signs in inside it), then a periodic one for as long
 * as it stays open. The background decides what each costs (see `syncNow`).
 */
export function useTimeCampSync(accountKey: string | null): void {
  useEffect(() => {
    if (!accountKey) return;
    const sync = (request: { periodic?: true }) => void sendMessage('syncNow', request).catch(() => undefined);
    sync({});
    const periodic = setInterval(() => sync({ periodic: true }), PERIODIC_SYNC_MS);
    return () => clearInterval(periodic);
  }, [accountKey]);
}
