/**
 * The demo store: the producers of KTM Telang (a village producers' group)
 * who consign salted eggs, cassava chips, banana chips and kelanting. Plain
 * data; seed.ts writes it through the same core functions the handlers use.
 */
import type { PayoutMethod } from '../../../shared/contract/catalogue';
import type { TermsMode } from '../../../shared/domain/terms';

export interface DemoProduct {
  name: string;
  unit: string;
  shortCode: string;
  barcode?: string;
  tileColor: string;
  /** Days from delivery to the expiry date printed on the pack; absent: does not expire. */
  shelfDays?: number;
  retailPrice: number;
  mode: TermsMode;
  producerPrice?: number;
  commissionBps?: number;
  /** Units delivered in a usual week. */
  weeklyUnits: number;
  /**
   * The demo's insight story (issue #17): `sellsOut` is wanted far more than is
   * brought (it is gone days before the next delivery and shows in the reorder
   * list); `expires` keeps only a few days and few buy it (the rest goes back
   * expired at each delivery).
   */
  story?: 'sellsOut' | 'expires';
}

export interface DemoProducer {
  name: string;
  shortName: string;
  phone: string;
  address: string;
  payoutMethod: PayoutMethod;
  payoutProvider?: string;
  payoutAccount?: string;
  payoutAccountName?: string;
  notes?: string;
  /** Who usually brings the goods. */
  deliveredBy: string;
  /** Days after the start of each demo week on which they deliver (0–4). */
  deliveryDay: number;
  products: DemoProduct[];
}

export const DEMO_PRODUCERS: DemoProducer[] = [
  {
    name: 'Telur Asin Bu Siti Aminah',
    shortName: 'Bu Siti',
    phone: '0812-3345-7801',
    address: 'Dusun Telang RT 02/RW 01, Desa Telang',
    payoutMethod: 'cash',
    notes: 'Bebek sendiri, diasinkan 10 hari. Ambil uang tiap Selasa.',
    deliveredBy: 'Siti Aminah',
    deliveryDay: 0,
    products: [
      { name: 'Telur Asin Rebus', unit: 'butir', shortCode: '101', tileColor: '#f4d35e', shelfDays: 10, retailPrice: 4000, mode: 'fixed', producerPrice: 3200, weeklyUnits: 40 },
      { name: 'Telur Asin Panggang', unit: 'butir', shortCode: '102', tileColor: '#ee964b', shelfDays: 12, retailPrice: 5000, mode: 'fixed', producerPrice: 4000, weeklyUnits: 24 },
    ],
  },
  {
    name: 'Telur Asin Pak Slamet Riyadi',
    shortName: 'Pak Slamet',
    phone: '0813-2290-4415',
    address: 'Dusun Telang Kulon RT 04/RW 02, Desa Telang',
    payoutMethod: 'transfer',
    payoutProvider: 'BRI',
    payoutAccount: '0123-01-000456-50-1',
    payoutAccountName: 'Slamet Riyadi',
    deliveredBy: 'Rudi (anak Pak Slamet)',
    deliveryDay: 1,
    products: [
      { name: 'Telur Asin Bebek Brebes', unit: 'butir', shortCode: '111', tileColor: '#f4d35e', shelfDays: 10, retailPrice: 4500, mode: 'percent', commissionBps: 2000, weeklyUnits: 36 },
      { name: 'Telur Asin Isi 6 (mika)', unit: 'pak', shortCode: '116', barcode: '8990123400016', tileColor: '#c9ada7', shelfDays: 6, retailPrice: 26000, mode: 'percent', commissionBps: 2000, weeklyUnits: 12, story: 'expires' },
    ],
  },
  {
    name: 'Keripik Singkong Sri Rejeki',
    shortName: 'Sri Rejeki',
    phone: '0857-4012-3378',
    address: 'Dusun Krajan RT 01/RW 03, Desa Telang',
    payoutMethod: 'ewallet',
    payoutProvider: 'DANA',
    payoutAccount: '0857-4012-3378',
    payoutAccountName: 'Sri Wahyuni',
    deliveredBy: 'Sri Wahyuni',
    deliveryDay: 2,
    products: [
      { name: 'Keripik Singkong Balado 200 g', unit: 'bungkus', shortCode: '201', barcode: '8997001234510', tileColor: '#f95738', shelfDays: 60, retailPrice: 10000, mode: 'fixed', producerPrice: 8000, weeklyUnits: 25 },
      { name: 'Keripik Singkong Original 200 g', unit: 'bungkus', shortCode: '202', barcode: '8997001234527', tileColor: '#f4d35e', shelfDays: 60, retailPrice: 9000, mode: 'fixed', producerPrice: 7200, weeklyUnits: 20 },
      { name: 'Keripik Singkong Pedas Manis 100 g', unit: 'bungkus', shortCode: '203', tileColor: '#ee964b', shelfDays: 60, retailPrice: 6000, mode: 'fixed', producerPrice: 4800, weeklyUnits: 30 },
    ],
  },
  {
    name: 'Keripik Pisang Mekar Sari',
    shortName: 'Mekar Sari',
    phone: '0821-3377-0922',
    address: 'Dusun Ngasem RT 03/RW 01, Desa Telang',
    payoutMethod: 'transfer',
    payoutProvider: 'BNI',
    payoutAccount: '0278-443-912',
    payoutAccountName: 'Joko Susilo',
    deliveredBy: 'Joko Susilo',
    deliveryDay: 2,
    products: [
      { name: 'Keripik Pisang Manis 250 g', unit: 'bungkus', shortCode: '301', barcode: '8996002345611', tileColor: '#7bc47f', shelfDays: 45, retailPrice: 12000, mode: 'percent', commissionBps: 1500, weeklyUnits: 20 },
      { name: 'Keripik Pisang Cokelat 150 g', unit: 'bungkus', shortCode: '302', tileColor: '#b983ff', shelfDays: 45, retailPrice: 10000, mode: 'percent', commissionBps: 1500, weeklyUnits: 15 },
      { name: 'Sale Pisang Goreng', unit: 'bungkus', shortCode: '303', tileColor: '#c9ada7', shelfDays: 30, retailPrice: 15000, mode: 'percent', commissionBps: 1500, weeklyUnits: 10 },
    ],
  },
  {
    name: 'Kelanting Mbah Darmi',
    shortName: 'Mbah Darmi',
    phone: '0878-1123-5640',
    address: 'Dusun Telang Wetan RT 05/RW 02, Desa Telang',
    payoutMethod: 'cash',
    notes: 'Tidak punya rekening; uang diambil cucunya, Dewi.',
    deliveredBy: 'Dewi (cucu)',
    deliveryDay: 3,
    products: [
      { name: 'Kelanting Original 250 g', unit: 'bungkus', shortCode: '401', tileColor: '#4aa3a2', retailPrice: 8000, mode: 'fixed', producerPrice: 6500, weeklyUnits: 12, story: 'sellsOut' },
      { name: 'Kelanting Pedas 250 g', unit: 'bungkus', shortCode: '402', tileColor: '#f95738', retailPrice: 8500, mode: 'fixed', producerPrice: 7000, weeklyUnits: 20 },
    ],
  },
  {
    name: 'Kelanting Barokah Bu Nur',
    shortName: 'Barokah',
    phone: '0852-2987-1104',
    address: 'Dusun Sidomulyo RT 02/RW 04, Desa Telang',
    payoutMethod: 'ewallet',
    payoutProvider: 'GoPay',
    payoutAccount: '0852-2987-1104',
    payoutAccountName: 'Nur Hidayah',
    deliveredBy: 'Nur Hidayah',
    deliveryDay: 4,
    products: [
      { name: 'Kelanting Bawang 200 g', unit: 'bungkus', shortCode: '501', barcode: '8995003456712', tileColor: '#5c7aea', retailPrice: 7500, mode: 'percent', commissionBps: 2000, weeklyUnits: 25 },
      { name: 'Kelanting Balado Besar 500 g', unit: 'bungkus', shortCode: '502', tileColor: '#f95738', retailPrice: 15000, mode: 'percent', commissionBps: 2000, weeklyUnits: 10 },
    ],
  },
];

/** How many weeks of deliveries the demo holds before "now". */
export const DEMO_WEEKS = 12;

/** The one terms change of the demo: Bu Siti raised the price of her boiled salted egg three weeks ago. */
export const DEMO_TERMS_CHANGE = {
  shortCode: '101',
  daysAgo: 20,
  retailPrice: 4500,
  mode: 'fixed' as const,
  producerPrice: 3500,
  reason: 'Harga telur bebek naik',
};
