import { render } from 'preact';
import '@/components/base.css';
import { t, uiLanguage } from '@/lib/i18n';
import { Welcome } from '@/components/welcome/Welcome';

// The first-run page, opened once when the extension is installed (lib/options/first-run.ts).
document.title = t('welcome_title');
document.documentElement.lang = uiLanguage();
render(<Welcome />, document.getElementById('app')!);
