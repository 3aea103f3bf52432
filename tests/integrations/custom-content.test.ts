// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import customScript from '@/entrypoints/custom.content';
import { customIntegrations, type CustomIntegration } from '@/lib/storage/domains';
import { deliver, message } from '../messaging/deliver';
import { hosts, openPage, settle } from './helpers';

const TICKETS: CustomIntegration = {
  id: 'tickets',
  name: 'Tickets',
  domain: 'tickets.example.com',
  pathPattern: '^/tickets/\\d+',
  anchor: '.ticket-tools',
  position: 'prepend',
  title: '.ticket-subject',
  key: '.ticket-ref',
};
const URL_ = 'https://tickets.example.com/tickets/981';

/** What the options page's tab (`tabs.sendMessage`) gets back, in the messaging library's wire format. */
const test = (item: unknown) => deliver(message('testCustomIntegration', item), { id: fakeBrowser.runtime.id });

describe('the custom integrations’ content script', () => {
  const contexts: ContentScriptContext[] = [];
  const start = (ctx = new ContentScriptContext('custom')) => {
    contexts.push(ctx);
    void customScript.main(ctx);
    return ctx;
  };

  beforeEach(() => {
    fakeBrowser.reset();
    openPage('custom/ticket.html', URL_);
    // WXT logs every invalidated context at debug level; the tests invalidate them on purpose.
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    // Its own messages to the background (page reports) go unanswered here.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((_message: unknown, reply?: (answer: unknown) => void) => {
      queueMicrotask(() => reply?.({ res: undefined }));
    }) as never);
  });
  afterEach(() => {
    for (const ctx of contexts.splice(0)) ctx.notifyInvalidated();
    vi.restoreAllMocks();
  });

  it('answers a test with the anchors and the issue the page shows, placing nothing', async () => {
    start();
    expect(await test(TICKETS)).toEqual({
      res: {
        errors: {},
        onDomain: true,
        pathMatches: true,
        anchors: 1,
        issue: { integration: 'custom', externalId: 'custom_tickets_tickets.example.com/TCK-981', key: 'TCK-981', title: 'Nightly backup skipped', url: URL_, project: 'Tickets' },
      },
    });
    await settle();
    expect(hosts()).toEqual([]);
  });

  it('answers a bad selector, or no integration at all, with the fields’ errors and tries nothing', async () => {
    start();
    expect(await test({ ...TICKETS, anchor: '.ticket-tools[' })).toEqual({
      res: { errors: { anchor: 'invalid' }, onDomain: false, pathMatches: false, anchors: 0, issue: null },
    });
    const junk = (await test('<img src=x onerror=alert(1)>')) as { res: { errors: object; anchors: number } };
    expect(Object.keys(junk.res.errors).sort()).toEqual(['anchor', 'domain', 'id', 'name', 'pathPattern', 'position', 'title']);
    expect(junk.res.anchors).toBe(0);
  });

  it('starts once: a second start while one runs places no second button and adds no second listener', async () => {
    await customIntegrations.setValue([TICKETS]);
    const ctx = start();
    await settle();
    expect(hosts()).toHaveLength(1);

    // The messaging library throws on a second listener for a type: without the guard this would.
    expect(() => start(ctx)).not.toThrow();
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(await test(TICKETS)).toMatchObject({ res: { anchors: 1 } });
  });

  it('lets a newer copy take over (as an injected one does), still one button and one answer', async () => {
    await customIntegrations.setValue([TICKETS]);
    const older = start();
    await settle();

    // WXT's context stops the older copy when a newer one starts; the newer one runs in its place.
    start();
    expect(older.isInvalid).toBe(true);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(await test({ ...TICKETS, key: '' })).toMatchObject({ res: { issue: { key: '#981' } } });
  });
});
