import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { clearTrustedStorage } from '@/lib/storage/trusted';

// Node has no IndexedDB: the extension-only storage runs on an in-memory one,
// emptied before each test as `fakeBrowser.reset()` empties `storage.local`.
beforeEach(async () => {
  await clearTrustedStorage();
});
