import { storage } from 'wxt/utils/storage';

/**
 * The browser refused to save the queue for lack of space: changes are kept
 * in the background's memory until it can. Session storage (extension
 * contexts only) is kept apart from the storage that is full.
 */
export const storageFull = storage.defineItem<boolean>('session:storageFull', { fallback: false });
