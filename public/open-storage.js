// Opens the extension's database while the popup's script is still loading: its first read then
// finds the connection made (a first open in a page waits tens of milliseconds on the browser).
// A database not made yet is left to the script, which creates it with its store.
(() => {
  const request = indexedDB.open('timecamp');
  request.onupgradeneeded = () => request.transaction.abort();
  request.onsuccess = () => request.result.close();
})();
