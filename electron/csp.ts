/**
 * The one Content-Security-Policy of the UI, in both shells: the browser-mode
 * host sends it as a header, the Electron shell adds it to every response of
 * the window's session. Scripts only from the app itself; no eval, no inline
 * scripts, no plugins, no framing, no form posts elsewhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
