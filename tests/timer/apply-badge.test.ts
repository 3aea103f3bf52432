import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyBadge } from '@/lib/timer/apply-badge';
import type { Badge } from '@/lib/timer/badge';

// What the toolbar button shows: text, colour, tooltip and the running or stopped icon.

const running: Badge = { text: '1:05', color: '#1f8f55', title: 'Tracking Design.', icon: 'running' };
const stopped: Badge = { text: '!', color: '#b26a00', title: 'TimeCamp: sign in to start tracking.', icon: 'stopped' };

function spyOn(button: typeof fakeBrowser.action) {
  return {
    text: vi.spyOn(button, 'setBadgeText').mockResolvedValue(undefined),
    color: vi.spyOn(button, 'setBadgeBackgroundColor').mockResolvedValue(undefined),
    title: vi.spyOn(button, 'setTitle').mockResolvedValue(undefined),
    icon: vi.spyOn(button, 'setIcon').mockResolvedValue(undefined),
  };
}

const original = fakeBrowser.action;
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(fakeBrowser, { action: original });
});

describe('applyBadge', () => {
  it('shows a running timer on the toolbar button with the running icon', async () => {
    const button = spyOn(fakeBrowser.action);
    await applyBadge(running);
    expect(button.text).toHaveBeenCalledWith({ text: '1:05' });
    expect(button.color).toHaveBeenCalledWith({ color: '#1f8f55' });
    expect(button.title).toHaveBeenCalledWith({ title: 'Tracking Design.' });
    expect(button.icon).toHaveBeenCalledWith({ path: { 16: '/icon/16.png', 32: '/icon/32.png' } });
  });

  it('shows the stopped icon when nothing runs', async () => {
    const button = spyOn(fakeBrowser.action);
    await applyBadge(stopped);
    expect(button.text).toHaveBeenCalledWith({ text: '!' });
    expect(button.icon).toHaveBeenCalledWith({ path: { 16: '/icon/stopped-16.png', 32: '/icon/stopped-32.png' } });
  });

  it('uses the browser action where there is no MV3 action (Firefox)', async () => {
    const browserAction = (fakeBrowser as unknown as { browserAction: typeof fakeBrowser.action }).browserAction;
    const button = spyOn(browserAction);
    Object.assign(fakeBrowser, { action: undefined });
    await applyBadge(stopped);
    expect(button.title).toHaveBeenCalledWith({ title: 'TimeCamp: sign in to start tracking.' });
    expect(button.color).toHaveBeenCalledWith({ color: '#b26a00' });
  });
});
