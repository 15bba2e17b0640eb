/** Issue #10 item 10: the audit log in the shop's words — staff names, local times, what happened; CSVs with the same labels. */
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { makeTestCore, type TestCore } from '../helpers/core';
import { seedProducer, seedProduct, writeEntry } from './settle-helpers';
import { auditWords } from '../../shared/domain/auditWords';

let t: TestCore;
afterEach(() => t?.close());

describe('audit log words', () => {
  it('says a payout, a finalise and a deduction in words, with the manager and the local time', () => {
    t = makeTestCore(); // Monday 2 Nov 2026 09:00 Jakarta
    const db = t.core.db!;
    const sari = seedProducer(db, 'Bu Sari', { createdAt: '2026-10-26T02:00:00.000Z' });
    const egg = seedProduct(db, sari, 'Telur asin', 'butir');
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 230_225, at: '2026-10-28T03:00:00.000Z', productId: egg, quantity: 90 });
    const m = t.manager();
    const fin = t.ok('settlements.finalize', { periodEnd: '2026-11-01', approval: m });
    const st = fin.settlements[0]!;
    t.ok('payouts.create', { id: randomUUID(), settlementId: st.id, amount: 230_225, method: 'cash_safe', receiverName: 'Bu Sari', approval: m });
    writeEntry(db, { producerId: sari, kind: 'sale', amount: 5000, at: '2026-11-02T01:00:00.000Z', productId: egg, quantity: 2 });
    t.ok('ledger.deduct', { producerId: sari, amount: 2000, reason: 'plastik', approval: m });
    const rows = t.ok('audit.list', {}).rows;
    const words = rows.map((r) => auditWords(r, 'id', 'Asia/Jakarta'));
    const payout = words.find((w) => w.what.startsWith('Pembayaran setoran'))!;
    expect(payout.what).toBe(`Pembayaran setoran ${st.number} Rp 230.225 tunai dari brankas kepada Bu Sari`);
    expect(payout.who).toBe('Manajer 1234');
    expect(payout.when).toMatch(/2 Nov 2026/);
    expect(payout.when).toMatch(/09[.:]00/); // 02:00 UTC is 09:00 in Jakarta
    expect(words.map((w) => w.what)).toContain('Setoran minggu s.d. 1 Nov 2026 difinalkan: 1 produsen, total Rp 230.225');
    expect(words.map((w) => w.what)).toContain('Potongan Rp 2.000 untuk Bu Sari');
    for (const w of words) {
      expect(w.what).not.toMatch(/\b(payout|settlement|ledger|sale|shift|terms|staff|product|producer|settings)\.[a-z]/i); // no payout.create, ledger.deduct…
      expect(w.what).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no UUIDs
      expect(w.when).not.toMatch(/T\d\d:\d\d|Z$/); // no UTC instants
    }
    expect(auditWords(rows[0]!, 'en', 'Asia/Jakarta').what).not.toBe('');
  });
});
