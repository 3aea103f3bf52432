import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notify } from '@/lib/timer/notify';

// A notification with its buttons where the browser shows them, and the same
// words without them where it refuses them (Firefox).

afterEach(() => {
  vi.restoreAllMocks();
});

const icon = () => fakeBrowser.runtime.getURL('/icon/128.png');

describe('notify', () => {
  it('shows the title, message and buttons, and stays until the user acts', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('idle');
    await notify('idle', { title: 'You were away for 20 min', message: 'Keep it?', buttons: ['Discard idle time', 'Discard and continue'] });
    expect(create.mock.calls).toEqual([
      [
        'idle',
        {
          type: 'basic',
          iconUrl: icon(),
          title: 'You were away for 20 min',
          message: 'Keep it?',
          buttons: [{ title: 'Discard idle time' }, { title: 'Discard and continue' }],
          requireInteraction: true,
        },
      ],
    ]);
  });

  it('where buttons are refused, still shows the title and message', async () => {
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('buttons unsupported')).mockResolvedValue('idle');
    await notify('idle', { title: 'Away', message: 'Keep it?', buttons: ['Discard idle time'] });
    expect(create).toHaveBeenCalledTimes(2);
    expect(create.mock.calls[1]).toEqual(['idle', { type: 'basic', iconUrl: icon(), title: 'Away', message: 'Keep it?' }]);
  });
});
