/**
 * The demo store's staff and their PINs (first run, "demo store"). Shared so
 * the first-run screen and the README can show them; the core's demo history
 * (electron/core/demo/history.ts) creates them with these PINs.
 */
export const DEMO_MANAGER = { name: 'Bu Rina', role: 'manager', pin: '1234' } as const;
export const DEMO_CASHIER = { name: 'Wulan', role: 'cashier', pin: '2222' } as const;
export const DEMO_MANAGER_PIN = DEMO_MANAGER.pin;
export const DEMO_CASHIER_PIN = DEMO_CASHIER.pin;
