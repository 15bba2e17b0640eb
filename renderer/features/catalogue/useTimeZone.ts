import { useEffect, useState } from 'react';
import { call } from '../../api';

/** The store's time zone (a setting), for showing instants as local times. */
export function useTimeZone(): string {
  const [zone, setZone] = useState('Asia/Jakarta');
  useEffect(() => {
    let live = true;
    void call('settings.get', {}).then((s) => live && setZone(s.timeZone), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return zone;
}
