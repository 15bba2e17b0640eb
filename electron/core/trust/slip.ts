import type Database from 'better-sqlite3';
import { payoutSlipTrustSummary, type PayoutSlipTrustSummary } from '../../../shared/domain/trust';
import { loadProducerLedger } from './load';

/**
 * The trust summary printed on a payout slip, read from the database: on-time
 * rate and average days late over the producer's last 12 settlements due by
 * `asOf` (a store-local date or an instant). For the settlement area.
 */
export function producerSlipTrust(db: Database.Database, producerId: number, asOf: string, timeZone: string): PayoutSlipTrustSummary {
  const { settlements, payouts } = loadProducerLedger(db, producerId);
  return payoutSlipTrustSummary(settlements, payouts, { asOf, timeZone });
}
