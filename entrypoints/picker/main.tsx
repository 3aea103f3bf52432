import { render } from 'preact';
import '@/components/base.css';
import { uiLanguage } from '@/lib/i18n';
import { lineToBackground } from '@/components/task-picker/background-line';
import { lineToButton } from '@/components/task-picker/button-line';
import { IssuePicker, PickerGone } from '@/components/task-picker/IssuePicker';
import { revealWhenShown } from '@/components/task-picker/reveal';
import { sendMessage } from '@/lib/messaging/protocol';

// The task picker a tracker's button shows in a frame (components/in-page/picker-frame.ts). The
// button may load it before the press, while the pointer rests on it. The press's session then
// comes from the background down the frame's own line; a press before that line was open hands
// over a token instead, redeemed once. Nothing is drawn before the session, nor painted before
// the button shows the frame.
const background = lineToBackground();
const button = lineToButton();
button.post({ type: 'ready', id: background.id });
const app = document.getElementById('app')!;
document.documentElement.lang = uiLanguage();
// A session the background sent down the frame's line is a press that needs this picker: its
// button shows the frame as the same answer reaches it, so the form is painted without waiting
// for the button to say so (a hop less between the click and the picker).
revealWhenShown(app, Promise.race([button.shown, background.session.then(() => undefined)]));

Promise.race([background.session, button.token.then((token) => sendMessage('pickerSession', { token }))]).then(
  (opened) => render(<IssuePicker session={opened} post={button.post} />, app),
  () => render(<PickerGone post={button.post} />, app),
);
