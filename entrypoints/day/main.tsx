import { render } from 'preact';
import '@/components/base.css';
import { DayView } from '@/components/day/DayView';
import { dateFromAddress } from '@/components/day/page-date';
import { t, uiLanguage } from '@/lib/i18n';

document.documentElement.lang = uiLanguage();
document.title = t('day_title');
render(<DayView initialDate={dateFromAddress(location)} onDateShown={(date) => history.replaceState(null, '', `#${date}`)} />, document.getElementById('app')!);
