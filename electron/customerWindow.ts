/**
 * The customer display in the desktop app (SPEC §4): when a second screen is
 * connected, a read-only window fills it with the till's `#customer` view. It is
 * the app's own page under the same locked-down options as the main window, so
 * the same navigation and IPC rules apply; it makes no core calls (the till
 * broadcasts what it shows over a BroadcastChannel of the app's origin).
 */
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL, windowOptions } from './shellConfig';

/** The bounds of the first display that is not the primary one, or null with one screen. */
export function secondScreenBounds(displays: { id: number; bounds: Electron.Rectangle }[], primaryId: number): Electron.Rectangle | null {
  return displays.find((d) => d.id !== primaryId)?.bounds ?? null;
}

/** Opens the display on the second screen, if any; it closes with the till's window. */
export function openCustomerDisplay(preloadPath: string, till: BrowserWindow): BrowserWindow | null {
  const bounds = secondScreenBounds(screen.getAllDisplays(), screen.getPrimaryDisplay().id);
  if (!bounds) return null;
  const win = new BrowserWindow({ ...windowOptions(preloadPath), ...bounds, title: 'UKM Mart', fullscreen: true, focusable: false });
  win.once('ready-to-show', () => win.showInactive());
  till.once('closed', () => {
    if (!win.isDestroyed()) win.destroy();
  });
  void win.loadURL(`${APP_ENTRY_URL}#customer`);
  return win;
}
