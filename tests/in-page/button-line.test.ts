// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { FrameSignal } from '@/components/in-page/frame-signals';
import { lineToButton } from '@/components/task-picker/button-line';

// The picker frame's side of its line to the button (the button's side: tests/integrations/picker-frame.test.ts).

/** What the button's content script does once the frame has loaded: hands it a port, from the parent window. */
function handOver(port: MessagePort, source: unknown = parent): void {
  window.dispatchEvent(new MessageEvent('message', { data: 'timecamp-picker', source: source as Window, ports: [port] }));
}

function heardOn(port: MessagePort): FrameSignal[] {
  const heard: FrameSignal[] = [];
  port.onmessage = (event) => heard.push(event.data as FrameSignal);
  return heard;
}

describe("the picker frame's line to its button", () => {
  it('keeps what the frame says until the button hands over its port, then says it there', async () => {
    const { post } = lineToButton();
    post({ type: 'size', height: 240 });
    const line = new MessageChannel();
    const heard = heardOn(line.port1);
    handOver(line.port2);
    post({ type: 'started' });
    await vi.waitFor(() => expect(heard).toEqual([{ type: 'size', height: 240 }, { type: 'started' }]));
    line.port1.close();
  });

  it('takes the first port from the parent only', async () => {
    const { post } = lineToButton();
    const stranger = new MessageChannel();
    const strangerHeard = heardOn(stranger.port1);
    handOver(stranger.port2, {});
    const button = new MessageChannel();
    const buttonHeard = heardOn(button.port1);
    handOver(button.port2);
    const late = new MessageChannel();
    const lateHeard = heardOn(late.port1);
    handOver(late.port2);
    post({ type: 'close' });
    await vi.waitFor(() => expect(buttonHeard).toEqual([{ type: 'close' }]));
    expect([strangerHeard, lateHeard]).toEqual([[], []]);
    for (const port of [stranger.port1, button.port1, late.port1]) port.close();
  });

  it('gives the session token the button hands over as it shows the frame, and nothing else said on the port', async () => {
    const { token, shown } = lineToButton();
    const line = new MessageChannel();
    handOver(line.port2);
    line.port1.postMessage({ type: 'close' });
    line.port1.postMessage({ type: 'shown', token: 42 });
    line.port1.postMessage({ type: 'shown', token: 'press-1' });
    line.port1.postMessage({ type: 'shown', token: 'press-2' });
    expect(await token).toBe('press-1');
    await shown;
    line.port1.close();
  });

  it('says when the frame shows with no token, when the background sent the session to the frame', async () => {
    const { token, shown } = lineToButton();
    const line = new MessageChannel();
    handOver(line.port2);
    let tokenGiven = false;
    void token.then(() => (tokenGiven = true));
    line.port1.postMessage({ type: 'shown' });
    await shown;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tokenGiven).toBe(false);
    line.port1.close();
  });

  it('hears nothing from a port that did not come from the parent', async () => {
    const { token } = lineToButton();
    const stranger = new MessageChannel();
    handOver(stranger.port2, {});
    stranger.port1.postMessage({ type: 'shown', token: 'forged' });
    const button = new MessageChannel();
    handOver(button.port2);
    button.port1.postMessage({ type: 'shown', token: 'press-1' });
    expect(await token).toBe('press-1');
    for (const port of [stranger.port1, button.port1]) port.close();
  });
});
