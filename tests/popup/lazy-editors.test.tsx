// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '@/components/lazy';
import { SectionBoundary } from '@/components/popup/SectionBoundary';
import { byRole, click, mount, until, usePopupTestBrowser } from './harness';

usePopupTestBrowser();

function Editor({ entry }: { entry: string }) {
  return <form aria-label={`Edit ${entry}`} />;
}

/** A module load the test finishes when it likes, as a slow disk or a busy browser would. */
function deferredLoad() {
  const loads: Array<{ resolve(): void; reject(error: Error): void }> = [];
  const load = vi.fn(
    () =>
      new Promise<typeof Editor>((resolve, reject) => {
        loads.push({ resolve: () => resolve(Editor), reject });
      }),
  );
  return { load, loads };
}

describe('an editor whose code loads after the first paint', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows nothing until its code has loaded, then the editor with its props', async () => {
    const { load, loads } = deferredLoad();
    const LazyEditor = lazy(load);
    const view = mount(<LazyEditor entry="Design" />);
    expect(view.innerHTML).toBe('');
    await until(() => expect(loads).toHaveLength(1));
    loads[0]!.resolve();
    await until(() => byRole(view, 'form', 'Edit Design'));
  });

  it('is there at once when it was preloaded, and loads its code once', async () => {
    const { load, loads } = deferredLoad();
    const LazyEditor = lazy(load);
    const preloading = LazyEditor.preload();
    loads[0]!.resolve();
    await preloading;
    const view = mount(<LazyEditor entry="Review" />);
    expect(byRole(view, 'form', 'Edit Review')).toBeInstanceOf(HTMLElement);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says its section failed when the code cannot load, and Try again loads it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { load, loads } = deferredLoad();
    const LazyEditor = lazy(load);
    const view = mount(
      <SectionBoundary name="today's entries">
        <LazyEditor entry="Design" />
      </SectionBoundary>,
    );
    await until(() => expect(loads).toHaveLength(1));
    loads[0]!.reject(new Error('chunk missing'));
    const alert = await until(() => byRole(view, 'alert'));
    expect(alert.textContent).toContain("today's entries");

    click(byRole(alert, 'button', 'Try again'));
    await until(() => expect(loads).toHaveLength(2));
    loads[1]!.resolve();
    await until(() => byRole(view, 'form', 'Edit Design'));
  });
});
