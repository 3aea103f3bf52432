/** The options page. Account, trackers and tracking preferences arrive with the options issue. */
export function Options() {
  return (
    <main>
      <h1>TimeCamp settings</h1>
    </main>
  );
}
