// Starts the popup's first read while its module is still loading: the items named in this
// script's `data-keys`, in one transaction, so the first paint does not wait for the module and
// then for the database (a page's first open alone waits tens of milliseconds on the browser).
// lib/storage/trusted.ts takes the read over. A database not made yet is left to the module,
// which creates it with its store.
(() => {
  const keys = document.currentScript.dataset.keys.split(' ');
  // Open before the read starts: whatever another context writes from now on is heard here, and
  // the module lets it win over what the read found.
  const channel = new BroadcastChannel('timecamp-state');
  const heard = [];
  channel.onmessage = (event) => heard.push(event.data);
  const values = new Promise((resolve) => {
    const request = indexedDB.open('timecamp');
    request.onupgradeneeded = () => request.transaction.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const database = request.result;
      try {
        const transaction = database.transaction('state');
        const reads = keys.map((key) => transaction.objectStore('state').get(key));
        transaction.oncomplete = () => resolve(new Map(keys.map((key, i) => [key, reads[i].result])));
        transaction.onabort = () => resolve(null);
      } catch {
        resolve(null);
      }
      database.close(); // once the read is done
    };
  });
  globalThis.timecampEarlyRead = { keys, channel, heard, values };
})();
