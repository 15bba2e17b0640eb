import { useEffect, useState } from 'react';
import type { StoreSettings } from '../../shared/contract/system';
import { toLocalDate } from '../../shared/domain/time';
import { call } from '../api';

let last: StoreSettings | null = null;

/**
 * The store settings (name, address, receipt width, time zone, discount
 * limit): the last copy at once, refreshed on every mount so a change made
 * on the settings screen shows on the next visit.
 */
export function useStoreSettings(): StoreSettings | null {
  const [settings, setSettings] = useState<StoreSettings | null>(last);
  useEffect(() => {
    let live = true;
    call('settings.get', {})
      .then((s) => {
        last = s;
        if (live) setSettings(s);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return settings;
}

/** The store's time zone (a setting), for showing instants as local times. */
export function useTimeZone(): string {
  return useStoreSettings()?.timeZone ?? 'Asia/Jakarta';
}

/** Today's date in the store's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string): string {
  return toLocalDate(new Date(), timeZone);
}
