import { PopupApp } from './popup/PopupApp';

/** The toolbar popup; its parts live in `components/popup/`. */
export function Popup() {
  return <PopupApp />;
}
