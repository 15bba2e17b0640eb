/**
 * The one Content-Security-Policy of the UI, in both shells: the browser-mode
 * host sends it as a header, the Electron shell adds it to every response of
 * the window's session. Scripts only from the app itself; no eval, no inline
 * scripts, no plugins, no framing, no form posts elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Content types of the built renderer's files, served the same way in both shells. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export const contentTypeOf = (extension: string) => CONTENT_TYPES[extension] ?? 'application/octet-stream';
