import type Database from 'better-sqlite3';
import { verifyLedger } from '../ledger/chain';
import { verifyStockLevels } from '../stock/levels';
import { verifyLotState } from '../stock/lotState';
import { verifySalesJournal } from '../journal/salesJournal';
import { openDatabase } from './open';

/** One thing the full checks found, in both languages. */
export interface CheckFinding {
  check: 'integrity_check' | 'foreign_key_check' | 'ledger.verify' | 'stock.verify' | 'sales.journal' | 'error';
  id: string;
  en: string;
}

export interface FullCheckResult {
  findings: CheckFinding[];
  ms: number;
}

/**
 * The whole-file checks of SPEC §9 on a read-only connection: `integrity_check`
 * (unlike `quick_check` it also compares every index with its table),
 * `foreign_key_check`, the producer ledger's chains, the stock levels and the
 * sales journal's chain. Reads only; run on a worker thread by backgroundCheck.ts.
 * `pace` is called at each step of the chains' checks (the runtime's threads
 * give way to the till there).
 */
export function runFullChecks(db: Database.Database, pace?: () => void): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const integrity = (db.pragma('integrity_check(20)') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (!(integrity.length === 1 && integrity[0] === 'ok')) {
    const detail = integrity.slice(0, 3).join('; ');
    findings.push({ check: 'integrity_check', id: `Pemeriksaan keutuhan berkas menemukan kerusakan: ${detail}`, en: `The file integrity check found damage: ${detail}` });
  }
  const fk = (db.pragma('foreign_key_check') as unknown[]).length;
  if (fk) findings.push({ check: 'foreign_key_check', id: `${fk} rujukan rusak antar-tabel`, en: `${fk} broken references between tables` });
  const ledger = verifyLedger(db, undefined, pace);
  for (const p of ledger.problems.slice(0, 5)) {
    findings.push({
      check: 'ledger.verify',
      id: `Buku produsen tidak cocok: entri ${p.entryId} (produsen ${p.producerId}, #${p.seq}) diubah atau hilang`,
      en: `The producer ledger does not match: ${p.message}`,
    });
  }
  const stock = verifyStockLevels(db);
  const lots = verifyLotState(db);
  if (!lots.ok) {
    const ids = lots.mismatches.slice(0, 5).join(', ');
    findings.push({ check: 'stock.verify', id: `Lot di rak yang disimpan tidak cocok dengan pergerakan stok (produk ${ids})`, en: `The kept lots on the shelf do not match the stock movements (products ${ids})` });
  }
  if (!stock.ok) {
    const ids = stock.mismatches.slice(0, 5).map((m) => m.productId).join(', ');
    findings.push({ check: 'stock.verify', id: `Stok tidak cocok dengan pergerakannya (produk ${ids})`, en: `Stock levels do not match their movements (products ${ids})` });
  }
  const journal = verifySalesJournal(db, pace);
  if (journal.problem) {
    findings.push({
      check: 'sales.journal',
      id: `Jurnal penjualan tidak cocok: struk ${journal.problem.receiptNo} diubah atau hilang`,
      en: `The sales journal does not match: ${journal.problem.message}`,
    });
  }
  return findings;
}

/** Opens `file` read-only and runs the checks; a file that cannot be read is itself a finding. */
export function runFullChecksOnFile(file: string, nativeBinding?: string, pace?: () => void): FullCheckResult {
  const started = Date.now();
  let db: Database.Database | null = null;
  try {
    db = openDatabase(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
    return { findings: runFullChecks(db, pace), ms: Date.now() - started };
  } catch (err) {
    const why = (err as Error).message;
    return { findings: [{ check: 'error', id: `Pemeriksaan tidak dapat membaca basis data (${why})`, en: `The check could not read the database (${why})` }], ms: Date.now() - started };
  } finally {
    db?.close();
  }
}
