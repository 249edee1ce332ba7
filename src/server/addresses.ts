/** The addresses a class on the same network can reach this machine at, and a QR code for one. */
import { networkInterfaces } from 'node:os';
import QRCode from 'qrcode';

/** This machine's IPv4 addresses on its networks (not loopback), most likely the classroom's first. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  // Private ranges (a school's Wi-Fi) before anything else.
  const rank = (ip: string) => (/^(192\.168|10\.|172\.(1[6-9]|2\d|3[01]))/.test(ip) ? 0 : 1);
  return out.sort((x, y) => rank(x) - rank(y));
}

/** A QR code of `text` drawn in the terminal. */
export function terminalQr(text: string): Promise<string> {
  return QRCode.toString(text, { type: 'terminal', small: true });
}
