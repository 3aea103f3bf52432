import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tCount } from '@/lib/i18n';
import type { Found, RecentNote } from '@/lib/tasks/search';
import type { TaskNode } from '@/lib/tasks/tree';
import type { TaskSource } from './task-source';
import type { RefreshState } from './use-task-refresh';
import { rowWindow, scrollToShow } from './virtual-window';
import './task-picker.css';

/** Every row is this tall (px), so which rows are visible is arithmetic, not measurement. */
export const ROW_HEIGHT = 40;
/**
 * Rows rendered beyond the visible ones on each side: a scroll re-renders before the frame is drawn,
 * so two are enough, and each row fewer is less for a keystroke to lay out.
 */
const OVERSCAN = 2;
/** Rows ranked at least, whatever the scroll: a first screen and a good way down it. */
const FIRST_ROWS = 64;
const NOTHING_FOUND: Found = { nodes: [], total: 0 };

export interface TaskComboboxProps {
  /** Base of the element ids (unique in the page). */
  id: string;
  /** The field's visible label and accessible name, e.g. `Task`. */
  label: string;
  /** The tasks to offer; null while the tree is still loading. */
  tasks: TaskSource | null;
  /** Recently used task ids, most recent first: they lead the list. */
  recentIds?: readonly number[];
  /** Notes of the user's recent entries: typing what one wrote finds the task it went to. */
  notes?: readonly RecentNote[];
  /**
   * Offer a Refresh tasks button (the tree is cached; a task made in TimeCamp
   * minutes ago is not in it yet), `state` saying how it went. `noMatch` is
   * called when a search finds nothing, which may be such a task.
   */
  refresh?: { state: RefreshState; refresh(): void; noMatch(): void };
  /** The chosen task's id. */
  value: number | null;
  /** What to show for `value` when the tree does not know it (yet): say, a running timer's task name. */
  valueText?: string;
  onChange(node: TaskNode): void;
  /** After a task was chosen with the keyboard: move on (for example to the note). */
  onChosen?(): void;
  /** Rows visible at once; the rest scroll. */
  visibleRows?: number;
  autoFocus?: boolean;
  /** The list shows from the start (say, likely tasks the user should see at once). */
  defaultOpen?: boolean;
  /** Each query as typed, for an owner that searches elsewhere and passes the answer in as `tasks`. */
  onQuery?(query: string): void;
  disabled?: boolean;
  placeholder?: string;
}

const REFRESH_TEXT = { refreshing: 'tasks_refreshing', refreshed: 'tasks_refreshed', failed: 'tasks_refreshFailed' } as const;

/**
 * A task field following the ARIA combobox pattern: type to search the whole
 * tree (path-aware, accent-insensitive, recent tasks first), ArrowDown/ArrowUp
 * (and PageDown/PageUp) to move, Enter to choose, Escape to close. The list
 * is virtualised: only the rows in view (and a few either side) are in the
 * DOM, so ten thousand tasks scroll as smoothly as ten.
 */
export function TaskCombobox(props: TaskComboboxProps) {
  const { id, label, tasks, recentIds, notes, refresh, value, visibleRows = 6 } = props;
  const [open, setOpen] = useState(props.defaultOpen ?? false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  // Set when the keyboard moved the active row, so the list scrolls to it (the mouse must not scroll it).
  const followActive = useRef(false);

  const selected = tasks?.byId(value) ?? null;
  // Only the rows the list can show now are ranked (and the active one): those in view at this
  // scroll, rounded up to a power of two so that scrolling on rarely searches again.
  const shownRows = Math.max(rowWindow(Number.MAX_SAFE_INTEGER, ROW_HEIGHT, visibleRows * ROW_HEIGHT, scrollTop, OVERSCAN).end, active + 1);
  const limit = Math.max(FIRST_ROWS, 2 ** Math.ceil(Math.log2(shownRows)));
  const found = useMemo(
    () => (open && tasks ? tasks.index().find(query ?? '', { recentIds, notes, limit }) : NOTHING_FOUND),
    [open, tasks, query, recentIds, notes, limit],
  );
  const { nodes: results, total } = found;
  const missed = open && tasks !== null && (query ?? '').trim() !== '' && total === 0;
  useEffect(() => {
    if (missed) refresh?.noMatch();
  }, [missed, query]);
  const viewport = Math.min(total, visibleRows) * ROW_HEIGHT;
  const rows = rowWindow(total, ROW_HEIGHT, viewport, scrollTop, OVERSCAN);
  const expanded = open && total > 0;
  const listId = `${id}-list`;
  const optionId = (node: TaskNode) => `${id}-task-${node.taskId}`;
  const activeNode = expanded ? results[Math.min(active, results.length - 1)] : undefined;

  useEffect(() => {
    if (!props.autoFocus) return;
    inputRef.current?.focus();
    // A task already chosen shows by name: typing replaces it with a query.
    inputRef.current?.select();
  }, []);

  useLayoutEffect(() => {
    if (!followActive.current || !listRef.current) return;
    followActive.current = false;
    const next = scrollToShow(active, ROW_HEIGHT, viewport, listRef.current.scrollTop);
    listRef.current.scrollTop = next;
    setScrollTop(next);
  }, [active, viewport]);

  function reset(scroll = 0) {
    setActive(0);
    setScrollTop(scroll);
    // Only when it moves: writing scrollTop forces a layout, which on every keystroke costs more than the search.
    if (listRef.current && scroll !== scrollTop) listRef.current.scrollTop = scroll;
  }

  function close() {
    setOpen(false);
    setQuery(null);
    reset();
  }

  function openList() {
    if (open) return;
    setOpen(true);
    // Open at the chosen task when it is in the list as it first shows (no query yet).
    const at = selected && tasks ? tasks.index().search('', { recentIds }).indexOf(selected) : -1;
    if (at > 0) {
      setActive(at);
      followActive.current = true;
    } else reset();
  }

  function choose(node: TaskNode, byKeyboard: boolean) {
    props.onChange(node);
    close();
    if (byKeyboard) props.onChosen?.();
  }

  function move(to: number) {
    if (total === 0) return;
    followActive.current = true;
    setActive(Math.max(0, Math.min(total - 1, to)));
  }

  function onKeyDown(event: KeyboardEvent) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) openList();
        else move(active + 1);
        break;
      case 'ArrowUp':
        if (!open) return;
        event.preventDefault();
        move(active - 1);
        break;
      case 'PageDown':
        if (!open) return;
        event.preventDefault();
        move(active + visibleRows);
        break;
      case 'PageUp':
        if (!open) return;
        event.preventDefault();
        move(active - visibleRows);
        break;
      case 'Enter':
        if (activeNode) {
          event.preventDefault();
          choose(activeNode, true);
        }
        break;
      case 'Escape':
        if (open) {
          // Closing the list must not close the popup too.
          event.preventDefault();
          event.stopPropagation();
          close();
        }
        break;
      case 'Tab':
        if (open) close();
        break;
    }
  }

  function onInput(event: Event) {
    const text = (event.currentTarget as HTMLInputElement).value;
    props.onQuery?.(text);
    setQuery(text);
    setOpen(true);
    reset();
  }

  function onFocusOut(event: FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && wrapRef.current?.contains(next)) return;
    // A press on a button beside the open list (Start timer, Cancel) takes the focus on the way
    // down: closing the list then would move that button before the pointer comes up, and the
    // click would land elsewhere. The list closes once the button was clicked or lost the focus.
    if (next instanceof HTMLButtonElement) {
      const later = () => {
        next.removeEventListener('focusout', later);
        close();
      };
      next.addEventListener('focusout', later, { once: true });
      next.addEventListener('click', () => setTimeout(later), { once: true });
      return;
    }
    close();
  }

  const shown = query ?? selected?.name ?? props.valueText ?? '';
  const parentPath = selected && selected.path.length > 1 ? selected.path.slice(0, -1).join(' › ') : '';
  const status = !open ? '' : !tasks ? t('popup_pickerLoading') : tCount('popup_pickerMatches', total);
  const refreshing = refresh?.state === 'refreshing';

  return (
    <div class="task-picker" ref={wrapRef} onFocusOut={onFocusOut}>
      {refresh ? (
        <div class="task-picker-label-row">
          <label for={`${id}-input`}>{label}</label>
          <button
            type="button"
            class="link-button task-picker-refresh"
            disabled={refreshing}
            aria-busy={refreshing}
            // Keeps the focus (and the open list) in the field.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => refresh.refresh()}
          >
            {t('tasks_refresh')}
          </button>
        </div>
      ) : (
        <label for={`${id}-input`}>{label}</label>
      )}
      {refresh && refresh.state !== 'idle' && (
        <p class={refresh.state === 'failed' ? 'field-error task-picker-refresh-state' : 'field-hint task-picker-refresh-state'} role={refresh.state === 'failed' ? 'alert' : 'status'}>
          {t(REFRESH_TEXT[refresh.state])}
        </p>
      )}
      <div class="task-picker-field">
        {selected && <span class="task-dot" aria-hidden="true" style={{ background: selected.color ?? 'transparent' }} />}
        <input
          ref={inputRef}
          id={`${id}-input`}
          class={selected ? 'has-dot' : undefined}
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeNode ? optionId(activeNode) : undefined}
          aria-describedby={parentPath && !open ? `${id}-path` : undefined}
          placeholder={props.placeholder ?? t('popup_pickerPlaceholder')}
          disabled={props.disabled}
          value={shown}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onClick={openList}
          // Warm the search index up while the user is still reading the field.
          onFocus={() => tasks && setTimeout(() => tasks.index(), 0)}
        />
        <button
          type="button"
          class="task-picker-toggle"
          tabIndex={-1}
          aria-label={t('popup_pickerShowAll')}
          disabled={props.disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (open) close();
            else openList();
            inputRef.current?.focus();
          }}
        >
          <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
            <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.6" />
          </svg>
        </button>
      </div>
      {parentPath && !open && (
        <p id={`${id}-path`} class="task-picker-path">
          {parentPath}
        </p>
      )}
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        class="task-picker-list"
        hidden={!expanded}
        style={{ height: `${viewport}px` }}
        onScroll={(event) => setScrollTop((event.currentTarget as HTMLDivElement).scrollTop)}
      >
        <div role="presentation" style={{ height: `${total * ROW_HEIGHT}px`, position: 'relative' }}>
          {results.slice(rows.start, rows.end).map((node, offset) => {
            const at = rows.start + offset;
            // Keyed by place, not task: a keystroke that brings other tasks refills the rows in
            // view instead of making new ones.
            return (
              <div
                key={at}
                id={optionId(node)}
                role="option"
                aria-selected={activeNode === node}
                aria-setsize={total}
                aria-posinset={at + 1}
                class="task-option"
                style={{ top: `${at * ROW_HEIGHT}px`, height: `${ROW_HEIGHT}px` }}
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => active !== at && setActive(at)}
                onClick={() => choose(node, false)}
              >
                <span class="task-dot" aria-hidden="true" style={{ background: node.color ?? 'transparent' }} />
                <span class="task-option-text">
                  <span class="task-option-name">{node.name}</span>
                  {node.path.length > 1 && <span class="task-option-path">{node.path.slice(0, -1).join(' › ')}</span>}
                </span>
                {node.taskId === value && (
                  <span class="task-option-check" aria-hidden="true">
                    ✓
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {open && tasks && total === 0 && <p class="task-picker-empty">{t(refreshing ? 'tasks_noMatchLooking' : 'popup_pickerNoMatch')}</p>}
      <span class="visually-hidden" role="status">
        {status}
      </span>
    </div>
  );
}
