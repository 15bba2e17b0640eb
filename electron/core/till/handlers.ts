import type { AreaHandlers } from '../handlerTypes';
import type { tillMethods } from '../../../shared/contract/till';
import { approve, createStaff, currentSession, listStaff, signIn, signOut, updateStaff } from './staff';
import { closeShift, currentShift, getShift, listShifts, openShiftHandler, xReport, zReport } from './shifts';
import { createSale } from './sales/create';
import { findByReceipt, getSale, listSales, receipt } from './sales/read';
import { voidSale } from './sales/void';
import { refundSale } from './sales/refund';
import { refundReceipt } from './sales/refundReceipt';
import { listParked, parkSale, recallSale } from './sales/park';
import { getQris, setQris } from './qris';
import { listAudit } from './audit';
import { salesReport } from '../reports/salesReport';
import { salesCsv } from '../reports/salesCsv';
import { verifyDailySales } from '../reports/dailySales';

export const tillHandlers: AreaHandlers<keyof typeof tillMethods> = {
  'staff.list': listStaff,
  'staff.create': createStaff,
  'staff.update': updateStaff,
  'auth.signIn': signIn,
  'auth.signOut': signOut,
  'auth.current': currentSession,
  'auth.approve': approve,

  'shifts.open': openShiftHandler,
  'shifts.current': currentShift,
  'shifts.get': getShift,
  'shifts.list': listShifts,
  'shifts.xReport': xReport,
  'shifts.close': closeShift,
  'shifts.zReport': zReport,

  'sales.create': createSale,
  'sales.get': getSale,
  'sales.findByReceipt': findByReceipt,
  'sales.list': listSales,
  'sales.void': voidSale,
  'sales.refund': refundSale,
  'sales.receipt': receipt,
  'sales.refundReceipt': refundReceipt,
  'sales.park': parkSale,
  'sales.parked': listParked,
  'sales.recall': recallSale,
  'qris.get': getQris,
  'qris.set': setQris,

  'audit.list': listAudit,
  'reports.sales': salesReport,
  'reports.salesCsv': salesCsv,
  'reports.verifyDaily': (_input, ctx) => verifyDailySales(ctx.db),
};
