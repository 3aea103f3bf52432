/** A popup cannot be taller than 600 px in Chrome; 360 px is its width in components/popup/popup.css. */
export const POPUP_VIEWPORT = { width: 360, height: 600 };
