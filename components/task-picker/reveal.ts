/**
 * Keeps the picker unpainted until `shown`: its button shows the frame, or the background sent it
 * the press's session (the button shows it on the same answer). The form is laid out at once, so
 * the first paint is the whole form (the bench times the click to that paint and to the page
 * showing the frame, whichever comes last). The focus goes to the Task field then, or when it
 * reaches the frame later: nothing could take it while the form was hidden.
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
