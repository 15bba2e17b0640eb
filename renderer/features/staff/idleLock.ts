import { useEffect, useLayoutEffect, useRef } from 'react';
import { call } from '../../api';

/** Events that count as someone using the till. */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the screen after the store's idle time (Settings, default 10 minutes)
 * without a key or a touch: the core ends an idle session on its own too, so a
 * till left open cannot be used by the next person who walks up to it.
 */
export function useIdleLock(active: boolean, lock: () => void): void {
  const lockRef = useRef(lock);
  useLayoutEffect(() => {
    lockRef.current = lock;
  });
  useEffect(() => {
    if (!active) return;
    let minutes = 10;
    let last = Date.now();
    let cancelled = false;
    call('settings.get', {})
      .then((s) => {
        if (!cancelled) minutes = s.idleLockMinutes;
      })
      .catch(() => undefined);
    const touch = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) lockRef.current();
    }, 1000);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch, { capture: true });
    };
  }, [active]);
}
