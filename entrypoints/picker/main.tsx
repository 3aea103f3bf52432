import { render } from 'preact';
import '@/components/base.css';
import { uiLanguage } from '@/components/i18n';
import { lineToButton } from '@/components/task-picker/button-line';
import { IssuePicker, PickerGone } from '@/components/task-picker/IssuePicker';
import { sendMessage } from '@/lib/messaging/protocol';

// The task picker a tracker's button shows in a frame (components/in-page/picker-frame.ts). Its
// address names a session the background opened for that press; the session is spent once read.
const post = lineToButton();
const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();

sendMessage('pickerSession', { token: decodeURIComponent(location.hash.slice(1)) }).then(
  (session) => render(<IssuePicker session={session} post={post} />, app),
  () => render(<PickerGone post={post} />, app),
);
