// Bytes → text. Articles arrive from scrapers and copy-paste in whatever encoding the source used;
// we decode what we can recognise, normalise line endings and say what we did, so nothing is lost
// silently.

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  /** Line endings other than LF were converted. */
  convertedLineEndings: boolean;
  /** The bytes look like a binary file (NUL bytes outside UTF-16). */
  binary: boolean;
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F; Node's TextDecoder treats that label as
// Latin-1, which would turn curly quotes into C1 control characters.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/** The text of valid UTF-8 (decoded once: checking it and decoding it again took twice as long), else null. */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function detect(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

function looksBinary(bytes: Uint8Array, encoding: Encoding): boolean {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.05;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const { text, encoding } = detect(bytes);
  const normalised = text.replace(/\r\n?/g, '\n');
  return {
    text: normalised,
    encoding,
    convertedLineEndings: normalised.length !== text.length || /\r/.test(text),
    binary: looksBinary(bytes, encoding),
  };
}
