import { useEffect, useState } from 'react';

/**
 * A lockout message ("… Coba lagi dalam 30 detik.") that counts down live: the
 * number of seconds in the core's message is replaced by the seconds left, once
 * a second, until it reaches zero and `onOver` lets the cashier try again.
 */
export function LockoutCountdown({ text, onOver }: { text: string; onOver(): void }) {
  const match = /(\d+)/.exec(text);
  const [startedAt] = useState(() => Date.now());
  const [now, setNow] = useState(startedAt);
  const total = match ? Number(match[1]) : 0;
  const left = Math.max(0, total - Math.floor((now - startedAt) / 1000));
  useEffect(() => {
    if (left === 0) {
      onOver();
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), 250);
    return () => clearTimeout(timer);
  }, [left, now, onOver]);
  if (!match) return <>{text}</>;
  return <span data-testid="lockout-countdown">{text.replace(match[1]!, String(left))}</span>;
}
