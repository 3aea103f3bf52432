import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extensionMessenger } from '@/lib/integrations/messenger';
import { parseReportedPage } from '@/lib/messaging/page-report-schema';
import { onMessage, sendMessage } from '@/lib/messaging/protocol';

vi.mock('@/lib/messaging/protocol', () => ({ sendMessage: vi.fn(async () => undefined), onMessage: vi.fn(() => () => undefined) }));

const issue = { integration: 'github', externalId: 'github_issue_octo/app#12', key: '#12', title: 'Fix it', url: 'https://github.com/octo/app/issues/12' };

describe('extensionMessenger', () => {
  beforeEach(() => vi.mocked(sendMessage).mockClear());

  it('sends each request as the protocol names it', async () => {
    await extensionMessenger.startFromIssue(issue);
    await extensionMessenger.stopTimer({ timer: 'start:action-1' });
    expect(vi.mocked(sendMessage).mock.calls).toEqual([
      ['startFromIssue', issue],
      ['stopTimer', { timer: 'start:action-1' }],
    ]);
  });

  it('reports what it found on the page, in the shape the background accepts', async () => {
    const finding = { integration: 'github', url: issue.url, issuePage: true, externalIds: [issue.externalId] };
    await extensionMessenger.reportPage(finding);
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith('reportPage', finding);
    const [, sent] = vi.mocked(sendMessage).mock.calls[0]!;
    expect(parseReportedPage(sent)).toEqual(finding);
  });

  it('answers the background\'s readIssue with what the page shows', () => {
    const answer = () => issue;
    extensionMessenger.onReadIssue(answer);
    expect(onMessage).toHaveBeenCalledExactlyOnceWith('readIssue', answer);
  });
});
