import type Database from 'better-sqlite3';
import type { IntakeLine } from '../../../shared/contract/stock';
import { shareAtRetail } from '../../../shared/domain/terms';
import { toLocalDate } from '../../../shared/domain/time';
import { termsAt } from '../catalogue/terms';

type PlainLine = Omit<IntakeLine, 'retailPrice' | 'producerPrice' | 'producerValue'>;

/**
 * Prices an intake's lines at the terms in effect on the store-local day it
 * was received, so the producer's paper says what the shop holds for them.
 * Terms are effective-dated and never rewritten, so a reprint years later
 * shows the same prices as the day's receipt.
 */
export function priceIntakeLines(
  db: Database.Database,
  lines: PlainLine[],
  receivedAt: string,
  timeZone: string,
): { lines: IntakeLine[]; producerValue: number } {
  const day = toLocalDate(receivedAt, timeZone);
  let producerValue = 0;
  const priced = lines.map((line) => {
    const terms = termsAt(db, line.productId, day);
    if (!terms) return { ...line, retailPrice: null, producerPrice: null, producerValue: null };
    const value = shareAtRetail(terms, line.quantity);
    producerValue += value;
    return { ...line, retailPrice: terms.retailPrice, producerPrice: shareAtRetail(terms, 1), producerValue: value };
  });
  return { lines: priced, producerValue };
}
