import { useEffect, useState } from 'preact/hooks';

/**
 * The current time (epoch ms), re-rendering every `everyMs` while `active`,
 * in step with `phase` (for a timer, its start: the display then changes
 * exactly when another second has passed). Views may tick; the background
 * never does (it uses alarms).
 */
export function useNow(everyMs = 1000, active = true, phase = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const untilNext = () => everyMs - ((((Date.now() - phase) % everyMs) + everyMs) % everyMs);
    let handle = setTimeout(function tick() {
      setNow(Date.now());
      handle = setTimeout(tick, untilNext());
    }, untilNext());
    return () => clearTimeout(handle);
  }, [everyMs, active, phase]);
  return now;
}
