import { render } from 'preact';
import '@/components/base.css';
import { t } from '@/lib/i18n';
import { Options } from '@/components/Options';

document.title = t('options_title');
render(<Options />, document.getElementById('app')!);
