// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Popup } from '@/components/Popup';
import { today } from '@/lib/entries/today';
import { account } from '@/lib/storage/account';
import { taskCache } from '@/lib/tasks/cache';
import { ACCOUNT, ACCOUNT_KEY, byRole, day, entry, mount, TREE, until, usePopupTestBrowser } from './harness';

usePopupTestBrowser();

async function rowTimes(fields: Parameters<typeof entry>[0]) {
  await account.setValue(ACCOUNT);
  await taskCache.setValue({ fetchedAt: Date.now(), accountKey: ACCOUNT_KEY, nodes: TREE });
  await today.setValue(day([entry(fields)]));
  const popup = mount(<Popup />);
  const list = await until(() => byRole(popup, 'list', "Today's entries"));
  const row = list.querySelector('li')!;
  return { range: row.querySelector('.entry-range')?.textContent, duration: row.querySelector('.entry-duration')?.textContent };
}

describe("an entry's shown times", () => {
  it('shows a duration that agrees with the start and end it shows', async () => {
    // 1 min 20 s, from 19:07:10 to 19:08:30: read as 19:07–19:09, it is two minutes to the eye.
    expect(await rowTimes({ id: 1, startTime: '19:07:10', endTime: '19:08:30', durationSeconds: 80 })).toEqual({ range: '19:07–19:09', duration: '0:02' });
  });

  it('rounds both ends to the nearest minute, not down', async () => {
    expect(await rowTimes({ id: 1, startTime: '19:07:50', endTime: '19:09:10', durationSeconds: 80 })).toEqual({ range: '19:08–19:09', duration: '0:01' });
  });

  it('shows the seconds of an entry under a minute', async () => {
    expect(await rowTimes({ id: 1, startTime: '10:00:00', endTime: '10:00:45', durationSeconds: 45 })).toEqual({ range: '10:00–10:01', duration: '45 s' });
  });

  it('shows a timer stopped at once as seconds, not as an empty 0:00', async () => {
    expect(await rowTimes({ id: 1, startTime: '10:00:00', endTime: '10:00:00', durationSeconds: 0 })).toEqual({ range: '10:00–10:00', duration: '0 s' });
  });
});
