import { render } from 'preact';
import '@/components/base.css';
import { uiLanguage } from '@/components/i18n';
import { lineToButton } from '@/components/task-picker/button-line';
import { IssuePicker, PickerGone } from '@/components/task-picker/IssuePicker';
import { sendMessage } from '@/lib/messaging/protocol';

// The task picker a tracker's button shows in a frame (components/in-page/picker-frame.ts). The
// button may load it before the press, while the pointer rests on it; the press hands over a
// session the background opened for it, which is spent once read. Until then nothing is drawn.
const { post, session } = lineToButton();
const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();

session
  .then((token) => sendMessage('pickerSession', { token }))
  .then(
    (opened) => render(<IssuePicker session={opened} post={post} />, app),
    () => render(<PickerGone post={post} />, app),
  );
