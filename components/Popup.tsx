import { PopupApp } from './popup/PopupApp';
import type { PopupSnapshot } from './popup/use-popup-state';

/** The toolbar popup; its parts live in `components/popup/`. */
export function Popup({ first }: { first?: PopupSnapshot }) {
  return <PopupApp first={first} />;
}
