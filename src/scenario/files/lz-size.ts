/**
 * How long the text of an lz-string code (`compressToEncodedURIComponent`) would be, found without
 * building it, and given up as soon as it passes a cap. LZW's output can grow with the square of its
 * input (a 20,000-character link holds 50 million characters), so a link is measured this way before
 * lz-string decodes it. It walks the same bit stream as lz-string 1.5's `_decompress`, keeping only
 * the length of each dictionary entry.
 */

const URI_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...URI_ALPHABET].map((ch, i) => [ch, i]));

/** The decoded length of `code`; 'too-large' as soon as it passes `cap`; 'malformed' if it is not a code. */
export function lzDecodedLength(code: string, cap: number): number | 'too-large' | 'malformed' {
  const input = code.replace(/ /g, '+');
  if (input === '') return 'malformed';
  let val = VALUE.get(input[0]!) ?? 0;
  let position = 32;
  let index = 1;
  const read = (n: number): number => {
    let bits = 0;
    for (let power = 1, k = 0; k < n; k++, power <<= 1) {
      const bit = val & position;
      position >>= 1;
      if (position === 0) {
        position = 32;
        val = VALUE.get(input[index++] ?? '') ?? 0;
      }
      if (bit) bits |= power;
    }
    return bits;
  };

  // Entry lengths by code; codes 0-2 are the stream's control codes.
  const lengths: number[] = [0, 0, 0];
  const first = read(2);
  if (first === 2) return 0;
  if (first !== 0 && first !== 1) return 'malformed';
  read(first === 0 ? 8 : 16);
  lengths.push(1);
  let w = 1;
  let total = 1;
  let enlargeIn = 4;
  let numBits = 3;
  for (;;) {
    if (index > input.length) return 'malformed';
    let c = read(numBits);
    if (c === 2) return total;
    if (c === 0 || c === 1) {
      read(c === 0 ? 8 : 16);
      lengths.push(1);
      c = lengths.length - 1;
      enlargeIn -= 1;
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
    let entry: number;
    if (c < lengths.length && c > 2) entry = lengths[c]!;
    else if (c === lengths.length) entry = w + 1;
    else return 'malformed';
    total += entry;
    if (total > cap) return 'too-large';
    lengths.push(w + 1);
    enlargeIn -= 1;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
}
