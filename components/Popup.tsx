/** The toolbar popup. Sign-in, the timer and today's entries arrive with the popup issue. */
export function Popup() {
  return (
    <main class="popup">
      <h1>TimeCamp</h1>
      <p>Track time to your TimeCamp tasks.</p>
    </main>
  );
}
