import type { AreaHandlers } from '../handlerTypes';
import type { tillMethods } from '../../../shared/contract/till';
import { approve, createStaff, currentSession, listStaff, signIn, signOut, updateStaff } from './staff';
import { closeShift, currentShift, getShift, listShifts, openShiftHandler, xReport, zReport } from './shifts';
import { createSale } from './sales/create';
import { findByReceipt, getSale, listSales, receipt } from './sales/read';
import { voidSale } from './sales/void';
import { refundSale } from './sales/refund';
import { listAudit } from './audit';
import { salesCsv, salesReport } from './reports';

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

  'audit.list': listAudit,
  'reports.sales': salesReport,
  'reports.salesCsv': salesCsv,
};
