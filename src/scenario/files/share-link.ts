/**
 * Share links: a session, compressed into the URL's fragment (`#g=...`) with lz-string. The link's
 * version is its session's (`schemaVersion` inside), so links made by earlier versions still open.
 * A link is untrusted input: its length and its decoded size are bounded before anything is parsed.
 */
// lz-string is CommonJS: its default export works under Node (tsx) as in the bundler; named imports only in the bundler.
import LZString from 'lz-string';
import type { ParseResult } from '../parse';
import type { Scenario } from '../schema';
import { lzDecodedLength } from './lz-size';
import { parseSessionText, type Session } from './session-file';
import { grouped } from '../numbers';

/** The longest `#g=` code read: a long game with many branches compresses to a few thousand characters. */
export const MAX_LINK_CHARS = 16_000;
/** The longest decoded session read, in characters. */
export const MAX_LINK_DECODED_CHARS = 1_000_000;

/** The session as a compact, URL-safe string for a share link. */
export function encodeShare(s: Session): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(s));
}

/** The session a share link's code encodes, or why it cannot be read. Never throws. */
export function decodeShare(code: string, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  if (code.length > MAX_LINK_CHARS) {
    return { ok: false, errors: [{ path: '', code: 'link-too-long', message: `the link is ${grouped(code.length)} characters long, more than a game's link can be (${grouped(MAX_LINK_CHARS)})` }] };
  }
  // Measured before decoding: a short code can hold millions of characters.
  if (lzDecodedLength(code, MAX_LINK_DECODED_CHARS) === 'too-large') {
    return { ok: false, errors: [{ path: '', code: 'link-too-large', message: `the link decodes to more than ${grouped(MAX_LINK_DECODED_CHARS)} characters, more than a game can hold` }] };
  }
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(code);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: [{ path: '', code: 'bad-link', message: 'the link is damaged: its game data cannot be decoded' }] };
  return parseSessionText(text, scenarioFor);
}
