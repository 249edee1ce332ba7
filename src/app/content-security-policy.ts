/**
 * The Content-Security-Policy of the built app, as the page's meta tag (vite.config.ts) and the
 * classroom server's header (src/server/http.ts): scripts, workers, styles and connections from the
 * app's own origin only (the classroom socket is same-origin, which 'self' covers), no inline
 * script, no eval, no plugins, no other site. Images may also be data: and blob: URLs (the icon, the
 * room's QR code, charts saved as PNG). e2e/security.spec.ts runs the app under it.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
