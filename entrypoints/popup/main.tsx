import { render } from 'preact';
import '@/components/base.css';
import { uiLanguage } from '@/lib/i18n';
import { Popup } from '@/components/Popup';
import { readPopupSnapshot } from '@/components/popup/use-popup-state';

document.documentElement.lang = uiLanguage();
// The first paint already shows the account, the timer and today (one storage read); should that
// read fail, the popup renders anyway and its parts read on their own.
void readPopupSnapshot()
  .catch(() => undefined)
  .then((first) => render(<Popup first={first} />, document.getElementById('app')!));
