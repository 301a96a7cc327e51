// A small, synchronous raw-DEFLATE (RFC 1951) encoder and decoder for calculator links. Synchronous because the
// link is read and written inside render-time state code on the server and in the browser, where CompressionStream
// is asynchronous (and absent from older browsers). The encoder writes one block with the fixed Huffman codes
// (RFC 1951 §3.2.6) after a greedy LZ77 match search; the decoder reads stored and fixed-code blocks, which is all
// the encoder writes, and refuses anything else, any distance before the start and any output past a limit (a small
// link must not expand into megabytes). Tested against node:zlib in both directions (deflate-raw.test.ts).

const LENGTH_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
  227, 258,
];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
  6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [
  0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
];

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_CHAIN = 64;

export class InflateError extends Error {}

class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  private acc = 0;

  /** Writes `count` bits of `value`, least significant first (DEFLATE's order for everything but Huffman codes). */
  bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >>> i) & 1) << this.bit;
      if (++this.bit === 8) this.flushByte();
    }
  }

  /** Writes a Huffman code, most significant bit first. */
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((code >>> i) & 1, 1);
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    this.acc = 0;
    this.bit = 0;
  }

  finish(): Uint8Array {
    if (this.bit > 0) this.flushByte();
    return Uint8Array.from(this.bytes);
  }
}

/** Fixed literal/length code (RFC 1951 §3.2.6). */
function writeLiteralLength(w: BitWriter, symbol: number): void {
  if (symbol <= 143) w.code(0x30 + symbol, 8);
  else if (symbol <= 255) w.code(0x190 + symbol - 144, 9);
  else if (symbol <= 279) w.code(symbol - 256, 7);
  else w.code(0xc0 + symbol - 280, 8);
}

function findIndex(bases: readonly number[], value: number): number {
  let i = bases.length - 1;
  while (bases[i]! > value) i--;
  return i;
}

/** Compresses bytes as one final fixed-Huffman DEFLATE block. */
export function deflateRaw(input: Uint8Array): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = 01, fixed Huffman codes
  const head = new Map<number, number>();
  const prev = new Int32Array(input.length).fill(-1);
  const hashAt = (i: number) => (input[i]! << 16) | (input[i + 1]! << 8) | input[i + 2]!;
  const insert = (i: number) => {
    if (i + MIN_MATCH > input.length) return;
    const h = hashAt(i);
    prev[i] = head.get(h) ?? -1;
    head.set(h, i);
  };
  let i = 0;
  while (i < input.length) {
    let bestLength = 0;
    let bestDistance = 0;
    if (i + MIN_MATCH <= input.length) {
      let candidate = head.get(hashAt(i)) ?? -1;
      const maxLength = Math.min(MAX_MATCH, input.length - i);
      for (let chain = 0; candidate >= 0 && i - candidate <= WINDOW && chain < MAX_CHAIN; chain++) {
        let length = 0;
        while (length < maxLength && input[candidate + length] === input[i + length]) length++;
        if (length > bestLength) {
          bestLength = length;
          bestDistance = i - candidate;
          if (length === maxLength) break;
        }
        candidate = prev[candidate]!;
      }
    }
    if (bestLength >= MIN_MATCH) {
      const li = findIndex(LENGTH_BASE, bestLength);
      writeLiteralLength(w, 257 + li);
      w.bits(bestLength - LENGTH_BASE[li]!, LENGTH_EXTRA[li]!);
      const di = findIndex(DIST_BASE, bestDistance);
      w.code(di, 5); // fixed distance codes are 5-bit
      w.bits(bestDistance - DIST_BASE[di]!, DIST_EXTRA[di]!);
      for (let k = 0; k < bestLength; k++) insert(i + k);
      i += bestLength;
    } else {
      writeLiteralLength(w, input[i]!);
      insert(i);
      i++;
    }
  }
  writeLiteralLength(w, 256); // end of block
  return w.finish();
}

class BitReader {
  private pos = 0;
  private bit = 0;
  constructor(private readonly data: Uint8Array) {}

  bits(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      if (this.pos >= this.data.length) throw new InflateError("the compressed data ends too early");
      value |= ((this.data[this.pos]! >>> this.bit) & 1) << i;
      if (++this.bit === 8) {
        this.bit = 0;
        this.pos++;
      }
    }
    return value;
  }

  alignToByte(): void {
    if (this.bit > 0) {
      this.bit = 0;
      this.pos++;
    }
  }
}

/** Reads one symbol of the fixed literal/length code. */
function readLiteralLength(r: BitReader): number {
  let code = 0;
  for (let length = 1; length <= 9; length++) {
    code = (code << 1) | r.bits(1);
    if (length === 7 && code <= 0x17) return code + 256;
    if (length === 8 && code >= 0x30 && code <= 0xbf) return code - 0x30;
    if (length === 8 && code >= 0xc0 && code <= 0xc7) return code - 0xc0 + 280;
    if (length === 9 && code >= 0x190) return code - 0x190 + 144;
  }
  throw new InflateError("invalid compressed data");
}

/** Decompresses stored and fixed-Huffman DEFLATE blocks, stopping with InflateError past `maxBytes` of output. */
export function inflateRaw(input: Uint8Array, maxBytes: number): Uint8Array {
  const r = new BitReader(input);
  const out = new Uint8Array(maxBytes);
  let n = 0;
  const push = (byte: number) => {
    if (n >= maxBytes)
      throw new InflateError(`the data expands past ${maxBytes.toLocaleString("en-US")} bytes`);
    out[n++] = byte;
  };
  let final = 0;
  while (final === 0) {
    final = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      r.alignToByte();
      const length = r.bits(16);
      const check = r.bits(16);
      if ((length ^ 0xffff) !== check) throw new InflateError("invalid compressed data");
      for (let k = 0; k < length; k++) push(r.bits(8));
    } else if (type === 1) {
      while (true) {
        const symbol = readLiteralLength(r);
        if (symbol < 256) push(symbol);
        else if (symbol === 256) break;
        else {
          const li = symbol - 257;
          if (li >= LENGTH_BASE.length) throw new InflateError("invalid compressed data");
          const length = LENGTH_BASE[li]! + r.bits(LENGTH_EXTRA[li]!);
          let di = 0;
          for (let k = 0; k < 5; k++) di = (di << 1) | r.bits(1);
          if (di >= DIST_BASE.length) throw new InflateError("invalid compressed data");
          const distance = DIST_BASE[di]! + r.bits(DIST_EXTRA[di]!);
          if (distance > n) throw new InflateError("invalid compressed data");
          for (let k = 0; k < length; k++) push(out[n - distance]!);
        }
      }
    } else {
      throw new InflateError("unsupported compressed block");
    }
  }
  return out.slice(0, n);
}
