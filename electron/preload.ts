/**
 * The window's only door to the core: `window.ukmMart = { call, on }`.
 * Self-contained on purpose: with the sandbox on, a preload may require only
 * 'electron', so the channel names are repeated here (tests check they match
 * electron/shellConfig.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALL_CHANNEL = 'ukm-mart:call';
const EVENT_CHANNEL = 'ukm-mart:event';
const EXPORT_TO_FILE = 'shellExport.toFile';
const EVENTS = ['backup.completed', 'data.changed', 'job.progress', 'job.finished', 'store.restarted'];

contextBridge.exposeInMainWorld('ukmMart', {
  call(method: string, input: unknown, sessionId?: string): Promise<unknown> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(method), input, typeof sessionId === 'string' ? sessionId : undefined);
  },
  exportCsv(input: unknown, sessionId?: string): Promise<unknown> {
    return ipcRenderer.invoke(CALL_CHANNEL, EXPORT_TO_FILE, input, typeof sessionId === 'string' ? sessionId : undefined);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!EVENTS.includes(event) || typeof listener !== 'function') return () => undefined;
    const relay = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
});
