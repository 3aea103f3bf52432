// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG, type PageChanges, type PageWatcher, watchPage } from '@/lib/integrations/page-watcher';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const delivered = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function element(tag: string, id: string): Element {
  const made = document.createElement(tag);
  made.id = id;
  return made;
}

let watcher: PageWatcher | undefined;
afterEach(() => {
  watcher?.stop();
  document.body.replaceChildren();
});

describe("the page's one observer", () => {
  it('hands over what the page added since the last frame, in one batch', async () => {
    const batches: PageChanges[] = [];
    watcher = watchPage((changes) => batches.push(changes));
    document.body.append(element('div', 'a'), element('div', 'b'));
    document.body.append(element(HOST_TAG.toLowerCase(), 'ours'));
    await delivered();
    await frame();

    expect(batches).toHaveLength(1);
    expect(batches[0]!.added.map((added) => added.id)).toEqual(['a', 'b']);
  });

  it('does not hand back the buttons a batch put in or took out', async () => {
    const earlier = element(HOST_TAG.toLowerCase(), 'earlier');
    document.body.append(earlier);
    const batches: PageChanges[] = [];
    watcher = watchPage((changes) => {
      batches.push(changes);
      earlier.remove();
      document.body.append(element(HOST_TAG.toLowerCase(), 'placed'));
    });
    document.body.append(element('div', 'card'));
    await delivered();
    await frame();
    await delivered();
    await frame();

    expect(batches).toHaveLength(1);
  });

  it('keeps for the next batch what the page changed just before a batch ran', async () => {
    const batches: PageChanges[] = [];
    watcher = watchPage((changes) => batches.push(changes));
    document.body.append(element('div', 'first'));
    await delivered();
    document.body.append(element('div', 'second'));
    watcher.flush(); // before the observer has told of `second`
    await delivered();
    await frame();

    expect(batches.map((batch) => batch.added.map((added) => added.id))).toEqual([['first'], ['second']]);
  });

  it('hears nothing more once a batch stopped it', async () => {
    const batches: PageChanges[] = [];
    watcher = watchPage((changes) => {
      batches.push(changes);
      watcher!.stop();
    });
    document.body.append(element('div', 'card'));
    await delivered();
    await frame();
    document.body.append(element('div', 'later'));
    await delivered();
    await frame();

    expect(batches).toHaveLength(1);
  });
});
