import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTimeCampClient, type TransportOptions } from '@/lib/api';
import { startSandbox, type Sandbox } from '../sandbox';

/**
 * One sandbox TimeCamp server for a test file, reset to its seeded state
 * before each test. `client()` talks to it over real loopback HTTP; retries
 * wait a millisecond so backoff never slows the suite.
 */
export function useSandbox() {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(() => {
    sandbox?.reset();
  });

  const get = () => {
    if (!sandbox) throw new Error('the sandbox has not started');
    return sandbox;
  };
  return {
    get sandbox() {
      return get();
    },
    client(options: Partial<TransportOptions> = {}) {
      return createTimeCampClient({
        baseUrl: get().url,
        token: get().token,
        retry: { baseDelayMs: 1, maxDelayMs: 2 },
        sleep: () => Promise.resolve(),
        ...options,
      });
    },
  };
}
