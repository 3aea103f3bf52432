import { render } from 'preact';
import '@/components/base.css';
import { uiLanguage } from '@/lib/i18n';
import { Popup } from '@/components/Popup';

document.documentElement.lang = uiLanguage();
render(<Popup />, document.getElementById('app')!);
