import { z } from 'zod';
import { method, empty, nonEmptyText, optionalText, biMsg } from './define';
import type { Lang } from '../i18nText';

export interface StoreStatus {
  /** `ready`: trading; `refused`: the database failed its start-up checks and nothing may be written. */
  state: 'ready' | 'refused';
  reason?: string;
  /** True until the first-run choice (demo or empty store) has been made. */
  needsSetup: boolean;
  dataDir: string;
  schemaVersion: number;
  appVersion: string;
  shell: 'electron' | 'browser';
}

export interface StoreSettings {
  storeName: string;
  storeAddress: string;
  storePhone: string;
  receiptFooter: string;
  language: Lang;
  timeZone: string;
  /** Settlement period ends at this ISO weekday (1 Mon … 7 Sun) at `periodEndTime` (`24:00` = end of day). */
  periodEndWeekday: number;
  periodEndTime: string;
  paymentTermDays: number;
  expiringSoonDays: number;
  /** Who bears a stock-count shortfall: `shop` (default, producer is credited) or `producer`. */
  shrinkageBornBy: 'shop' | 'producer';
  receiptWidth: '58mm' | '80mm';
  slipLayout: 'A5' | 'A4' | '80mm';
  /** Line discount above this many basis points of the line needs a manager PIN. */
  discountLimitBps: number;
}

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: biMsg('Jam harus HH:MM', 'Time must be HH:MM') });
const wholeNumber = (min: number, max: number) =>
  z.number().int({ error: biMsg('Harus bilangan bulat', 'Must be a whole number') }).min(min).max(max);

export const settingsPatch = z
  .object({
    storeName: nonEmptyText(80),
    storeAddress: optionalText(200),
    storePhone: optionalText(40),
    receiptFooter: optionalText(200),
    language: z.enum(['id', 'en']),
    timeZone: z.string().refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, { error: biMsg('Zona waktu tidak dikenal', 'Unknown time zone') }),
    periodEndWeekday: wholeNumber(1, 7),
    periodEndTime: timeOfDay,
    paymentTermDays: wholeNumber(0, 60),
    expiringSoonDays: wholeNumber(0, 60),
    shrinkageBornBy: z.enum(['shop', 'producer']),
    receiptWidth: z.enum(['58mm', '80mm']),
    slipLayout: z.enum(['A5', 'A4', '80mm']),
    discountLimitBps: wholeNumber(0, 10_000),
  })
  .partial()
  .strict();

export const systemMethods = {
  'system.status': method<StoreStatus>({ transaction: 'none' })(empty()),
  'settings.get': method<StoreSettings>()(empty()),
  /** Changes some settings; the language switch is one of them, so it persists. */
  'settings.update': method<StoreSettings>()(settingsPatch),
} as const;
