/** Writes the generated catalogue, staff and store settings (bulk, in the app's tables). */
import type Database from 'better-sqlite3';
import { hashPin } from '../../electron/core/staff/pin';
import { writeFlag, writeSettings } from '../../electron/core/settings';
import type { World } from './world';
import { iso, localInstant } from './sink';

export interface StaffIds {
  managerId: number;
  managerPin: string;
  cashiers: { id: number; pin: string }[];
}

export function loadCatalogue(db: Database.Database, world: World, startLocalDate: string): StaffIds {
  const openedAt = iso(localInstant(startLocalDate, 0) - 7 * 86_400_000);
  const staff = db.prepare('INSERT INTO staff (name, role, pin_hash, active, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
  const producer = db.prepare(
    `INSERT INTO producers (id, name, short_name, phone, address, payout_method, payout_provider, payout_account, payout_account_name, active, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '', ?, ?)`,
  );
  const product = db.prepare(
    `INSERT INTO products (id, producer_id, name, unit, barcode, short_code, tile_color, perishable, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const terms = db.prepare(
    `INSERT INTO product_terms (id, product_id, effective_from, retail_price, mode, producer_price, commission_bps, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const managerPin = '1234';
  return db.transaction(() => {
    const managerId = Number(staff.run('Bu Manajer', 'manager', hashPin(managerPin), openedAt, openedAt).lastInsertRowid);
    const cashiers = ['2222', '3333', '4444'].map((pin, i) => ({
      id: Number(staff.run(`Kasir ${i + 1}`, 'cashier', hashPin(pin), openedAt, openedAt).lastInsertRowid),
      pin,
    }));
    for (const p of world.producers) {
      const account = p.payoutMethod === 'cash' ? '' : `0${p.id}${p.phone.slice(-6)}`;
      const provider = p.payoutMethod === 'transfer' ? 'BRI' : p.payoutMethod === 'ewallet' ? 'DANA' : '';
      producer.run(p.id, p.name, p.shortName, p.phone, p.address, p.payoutMethod, provider, account, p.payoutMethod === 'cash' ? '' : p.name, openedAt, openedAt);
    }
    for (const p of world.products) {
      product.run(p.id, p.producerId, p.name, p.unit, p.barcode, p.shortCode, p.tileColor, p.perishable ? 1 : 0, openedAt, openedAt);
      for (const t of p.terms) {
        // A change is written a week before it takes effect.
        const createdAt = t === p.terms[0] ? openedAt : iso(localInstant(t.effectiveFrom, 10) - 7 * 86_400_000);
        terms.run(t.id, p.id, t.effectiveFrom, t.retailPrice, t.mode, t.producerPrice, t.commissionBps, createdAt, t === p.terms[0] ? null : managerId);
      }
    }
    writeSettings(db, { storeName: 'Toko UKM Sukamaju (benchmark)', storeAddress: 'Desa Sukamaju', paymentTermDays: 2 });
    writeFlag(db, 'setupDone', true);
    return { managerId, managerPin, cashiers };
  })();
}
