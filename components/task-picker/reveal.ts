/**
 * Keeps the picker drawn but unpainted until its button shows the frame. The background may send
 * the session to a frame loaded before the press a moment before the button shows it: the form is
 * laid out at once, so the first paint once shown is the whole form, never a frame painted out of
 * sight (the bench times the click to that paint). The focus goes to the Task field then, or
 * when it reaches the frame later: nothing could take it while the form was hidden.
 */
export function revealWhenShown(app: HTMLElement, shown: Promise<void>): void {
  app.style.visibility = 'hidden';
  const focusTask = () => {
    if (app.style.visibility === 'hidden' || document.activeElement !== document.body) return;
    app.querySelector<HTMLElement>('[role=combobox]')?.focus();
  };
  addEventListener('focus', focusTask);
  void shown.then(() => {
    app.style.visibility = '';
    if (document.hasFocus()) focusTask();
  });
}
