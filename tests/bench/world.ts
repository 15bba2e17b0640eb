/**
 * The shop's catalogue, drawn from the seed: producers, products, their terms
 * and terms changes over the years. Pure data: the sinks write it.
 */
import { Rng, WeightedPicker } from './prng';
import type { Scale } from './scale';

export interface PlanProducer {
  id: number;
  name: string;
  shortName: string;
  phone: string;
  address: string;
  payoutMethod: 'cash' | 'transfer' | 'ewallet';
  /** ISO weekday of the weekly delivery (1 = Monday) */
  deliveryWeekday: number;
  /** how reliably the shop pays this one: the chance a payout is late */
  lateChance: number;
  /** the day (from the start of the history) the producer started consigning: weeks before settle at zero */
  startDay: number;
}

export interface PlanTerms {
  id: number;
  productId: number;
  effectiveFrom: string;
  retailPrice: number;
  mode: 'fixed' | 'percent';
  producerPrice: number | null;
  commissionBps: number | null;
}

export interface PlanProduct {
  id: number;
  producerId: number;
  name: string;
  unit: string;
  barcode: string | null;
  shortCode: string;
  tileColor: string | null;
  perishable: boolean;
  /** relative popularity */
  weight: number;
  /** terms rows, oldest first */
  terms: PlanTerms[];
}

export interface World {
  producers: PlanProducer[];
  products: PlanProduct[];
  picker: WeightedPicker;
}

const GOODS = [
  ['Telur Asin', 'butir', true], ['Keripik Singkong', 'bungkus', false], ['Keripik Pisang', 'bungkus', false], ['Kelanting', 'bungkus', false],
  ['Bolu Kukus', 'pcs', true], ['Rempeyek Kacang', 'bungkus', false], ['Kerupuk Ikan', 'bungkus', false], ['Dodol Nanas', 'kotak', false],
  ['Sambal Bawang', 'botol', false], ['Gula Aren', 'kg', false], ['Kopi Bubuk', 'bungkus', false], ['Madu Hutan', 'botol', false],
  ['Tempe', 'pcs', true], ['Tahu Putih', 'pcs', true], ['Kue Lapis', 'pcs', true], ['Onde-onde', 'pcs', true],
  ['Emping Melinjo', 'bungkus', false], ['Abon Sapi', 'bungkus', false], ['Rengginang', 'bungkus', false], ['Jamu Kunyit', 'botol', true],
] as const;
const VILLAGES = ['Sukamaju', 'Karanganyar', 'Sidomulyo', 'Tanjungsari', 'Mekarjaya', 'Sumberejo', 'Wonosari', 'Cibodas'];
const NAMES = ['Siti', 'Budi', 'Wati', 'Agus', 'Sri', 'Joko', 'Ani', 'Rahmat', 'Dewi', 'Yanto', 'Lestari', 'Bambang', 'Nur', 'Slamet', 'Ratna'];
const TILE_COLORS = ['#f4d35e', '#ee964b', '#f95738', '#7bc47f', '#4aa3a2', '#5c7aea', '#b983ff', '#c9ada7'];

const round100 = (n: number) => Math.max(100, Math.round(n / 100) * 100);

/** EAN-13 with an Indonesian 899 prefix and a correct check digit. */
function ean13(rng: Rng, used: Set<string>): string {
  for (;;) {
    let body = '899';
    for (let i = 0; i < 9; i++) body += String(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
    const code = body + String((10 - (sum % 10)) % 10);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

export function addDaysLocal(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function buildWorld(scale: Scale, seed: number, startLocalDate: string): World {
  const rng = new Rng(seed ^ 0x5eed);
  const producers: PlanProducer[] = [];
  for (let i = 1; i <= scale.producers; i++) {
    const person = rng.pick(NAMES);
    const village = rng.pick(VILLAGES);
    producers.push({
      id: i,
      name: `${rng.pick(['Bu', 'Pak', 'Mbak', 'Mas'])} ${person} ${village}`,
      shortName: `${person.slice(0, 6)}${i}`,
      phone: `08${rng.int(11, 59)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
      address: `Desa ${village}`,
      payoutMethod: rng.chance(0.5) ? 'cash' : rng.chance(0.6) ? 'transfer' : 'ewallet',
      deliveryWeekday: rng.int(1, 6),
      lateChance: rng.chance(0.2) ? 0.35 : 0.06,
      // The last two producers joined a year in: their first year's settlements are zero ("nothing sold").
      startDay: i > scale.producers - 2 ? 365 : 0,
    });
  }
  const products: PlanProduct[] = [];
  const barcodes = new Set<string>();
  let termsId = 0;
  const historyDays = (scale.settledWeeks + scale.openWeeks) * 7;
  for (let i = 1; i <= scale.products; i++) {
    // Producers get uneven numbers of products: the first of each round-robin pass, then random.
    const producerId = i <= scale.producers ? i : rng.int(1, scale.producers);
    const [good, unit, perishable] = GOODS[rng.int(0, GOODS.length - 1)]!;
    const retail = round100(rng.int(20, 400) * 100 * (unit === 'kg' ? 2 : 1));
    const fixed = rng.chance(0.6);
    const mkTerms = (effectiveFrom: string, price: number): PlanTerms => ({
      id: ++termsId,
      productId: i,
      effectiveFrom,
      retailPrice: price,
      mode: fixed ? 'fixed' : 'percent',
      producerPrice: fixed ? round100(price * (0.72 + rng.next() * 0.16)) : null,
      commissionBps: fixed ? null : rng.pick([1000, 1500, 2000, 2500]),
    });
    const terms = [mkTerms(startLocalDate, retail)];
    // About a third of products change price once to three times over the years.
    if (rng.chance(0.35)) {
      let price = retail;
      const changes = rng.int(1, 3);
      const days = Array.from({ length: changes }, () => rng.int(30, historyDays - 30)).sort((a, b) => a - b);
      for (const d of days) {
        price = round100(price * (1.05 + rng.next() * 0.15));
        const from = addDaysLocal(startLocalDate, d);
        if (from > terms[terms.length - 1]!.effectiveFrom) terms.push(mkTerms(from, price));
      }
    }
    products.push({
      id: i,
      producerId,
      name: `${good} ${NAMES[i % NAMES.length]} #${i}`,
      unit,
      barcode: rng.chance(0.7) ? ean13(rng, barcodes) : null,
      shortCode: `${good.slice(0, 2).toUpperCase()}${i}`,
      tileColor: rng.chance(0.3) ? rng.pick(TILE_COLORS) : null,
      perishable,
      // Zipf-like popularity: a few products sell a lot.
      weight: 1 / Math.pow(1 + rng.int(0, scale.products - 1), 0.8),
      terms,
    });
  }
  return { producers, products, picker: new WeightedPicker(products.map((p) => p.weight)) };
}

/** The terms row in effect on a local date (the latest whose effective_from ≤ date). */
export function termsOn(product: PlanProduct, localDate: string): PlanTerms {
  let found = product.terms[0]!;
  for (const t of product.terms) if (t.effectiveFrom <= localDate) found = t;
  return found;
}
