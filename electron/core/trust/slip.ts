import type Database from 'better-sqlite3';
import { payoutSlipTrustSummary, type PayoutSlipTrustSummary } from '../../../shared/domain/trust';
import { localToInstant } from '../../../shared/domain/time';
import { loadProducerLedger } from './load';
import { waitingTrustSettlements } from './waiting';

/**
 * The trust summary printed on a payout slip, read from the database: on-time
 * rate and average days late over the producer's last 12 settlements due by
 * `asOf` (a store-local date or an instant). For the settlement area.
 */
export function producerSlipTrust(db: Database.Database, producerId: number, asOf: string, timeZone: string, now?: Date): PayoutSlipTrustSummary {
  const { settlements, payouts } = loadProducerLedger(db, producerId);
  // weeks still waiting to be finalised, as they stood at the end of the report date unless told
  now ??= new Date(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? localToInstant(asOf, timeZone, 24) : asOf);
  return payoutSlipTrustSummary([...settlements, ...waitingTrustSettlements(db, now, producerId)], payouts, { asOf, timeZone });
}
