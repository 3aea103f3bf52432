import { lazy } from '@/components/lazy';

// The editors open on a click. Their code (typed times, overlaps, the split at midnight) is not in
// the script the popup's first paint waits for: it loads in an idle moment after that paint
// (`preloadEditors`), or on the click if that comes first.
export const EntryEditor = lazy(() => import('./EntryEditor').then((module) => module.EntryEditor));
export const AddEntryForm = lazy(() => import('./AddEntryForm').then((module) => module.AddEntryForm));
export const StartTimeEditor = lazy(() => import('./StartTimeEditor').then((module) => module.StartTimeEditor));

export function preloadEditors(): void {
  for (const editor of [EntryEditor, AddEntryForm, StartTimeEditor]) void editor.preload().catch(() => undefined);
}
