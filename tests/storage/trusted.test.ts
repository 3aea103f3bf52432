import { createStore, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { clearTrustedStorage, defineTrustedItem, readTrustedItems } from '@/lib/storage/trusted';

// What another extension context (the popup, the options page) does: write the database, then
// tell the others on the channel they share.
async function writtenElsewhere(key: string, value: unknown): Promise<void> {
  await set(key, value, createStore('timecamp', 'state'));
  const elsewhere = new BroadcastChannel('timecamp-state');
  elsewhere.postMessage([{ key, value }]);
  elsewhere.close();
}

const heard = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a mirrored trusted item (the task tree)', () => {
  it('answers what this context wrote, and what another context wrote once it said so', async () => {
    const tree = defineTrustedItem<{ names: string[] } | null>('mirror-a', { fallback: null, mirrored: true });
    expect(await tree.getValue()).toBeNull();
    await tree.setValue({ names: ['Design'] });
    expect(await tree.getValue()).toEqual({ names: ['Design'] });

    await writtenElsewhere('mirror-a', { names: ['Design', 'Build'] });
    await heard();
    expect(await tree.getValue()).toEqual({ names: ['Design', 'Build'] });
  });

  it('keeps a change that overtook a read in flight, rather than the older value the read found', async () => {
    const tree = defineTrustedItem<string | null>('mirror-b', { fallback: null, mirrored: true });
    await set('mirror-b', 'old', createStore('timecamp', 'state'));
    const reading = tree.getValue();
    // Another context's change is announced while this read is still in the database.
    const elsewhere = new BroadcastChannel('timecamp-state');
    elsewhere.postMessage([{ key: 'mirror-b', value: 'new' }]);
    elsewhere.close();
    await reading;
    await heard();
    expect(await tree.getValue()).toBe('new');
  });

  it('gives the fallback after a removal, and forgets everything when storage is cleared', async () => {
    const tree = defineTrustedItem<string | null>('mirror-c', { fallback: null, mirrored: true });
    await tree.setValue('kept');
    await tree.removeValue();
    expect(await tree.getValue()).toBeNull();

    await tree.setValue('kept');
    await clearTrustedStorage();
    expect(await tree.getValue()).toBeNull();
  });

  it('is read from the database while nothing was seen of it, as an item that is not mirrored always is', async () => {
    const mirrored = defineTrustedItem<string | null>('mirror-d', { fallback: null, mirrored: true });
    const plain = defineTrustedItem<string | null>('plain-d', { fallback: null });
    await set('mirror-d', 'from an earlier session', createStore('timecamp', 'state'));
    await set('plain-d', 'from an earlier session', createStore('timecamp', 'state'));
    expect(await mirrored.getValue()).toBe('from an earlier session');
    expect(await plain.getValue()).toBe('from an earlier session');
    // Written to the database behind everyone's back (no context said so): only the plain item sees it.
    await set('mirror-d', 'unannounced', createStore('timecamp', 'state'));
    await set('plain-d', 'unannounced', createStore('timecamp', 'state'));
    expect(await plain.getValue()).toBe('unannounced');
    expect(await mirrored.getValue()).toBe('from an earlier session');
  });
});

describe('several trusted items read at once (what a view shows first)', () => {
  it('answers each stored value by name, and the fallback of what was never stored', async () => {
    const account = defineTrustedItem<{ email: string } | null>('many-account', { fallback: null });
    const recent = defineTrustedItem<number[]>('many-recent', { fallback: [] });
    await account.setValue({ email: 'ann@example.com' });

    expect(await readTrustedItems({ account, recent })).toEqual({ account: { email: 'ann@example.com' }, recent: [] });
  });

  it('keeps a change another context made while the read was in the database', async () => {
    const timer = defineTrustedItem<string | null>('many-timer', { fallback: null });
    await set('many-timer', 'running', createStore('timecamp', 'state'));
    const reading = readTrustedItems({ timer });
    const elsewhere = new BroadcastChannel('timecamp-state');
    elsewhere.postMessage([{ key: 'many-timer', value: 'stopped' }]);
    elsewhere.close();
    await heard();

    expect((await reading).timer).toBe('stopped');
  });
});
