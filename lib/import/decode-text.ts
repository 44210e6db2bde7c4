// A CSV's bytes as text, and the encoding they were in. Excel writes three: "CSV UTF-8" (UTF-8 with a
// byte-order mark), "Unicode Text" (UTF-16 LE with a mark) and plain "CSV" on Windows (Windows-1252,
// no mark). Node's TextDecoder maps Windows-1252's 0x80-0x9F to control characters (’ “ ” € lost),
// so that one is decoded by iconv-lite.
import iconv from "iconv-lite";

export const TEXT_ENCODINGS = ["UTF-8", "UTF-8 with BOM", "UTF-16 LE", "UTF-16 BE", "Windows-1252"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** The text (without its byte-order mark) and its encoding, or null for binary content. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), "utf16le", { stripBOM: false }), encoding: "UTF-16 LE" };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), "utf16be", { stripBOM: false }), encoding: "UTF-16 BE" };
  // Bytes that are not valid in the encoding become U+FFFD here, never stored: the table reader refuses
  // such a cell, naming its row and column (lib/import/read-table.ts), which a fatal decode could not.
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(buffer.subarray(3)), encoding: "UTF-8 with BOM" };
  // A NUL byte in a file with no UTF-16 mark: not text.
  if (buffer.includes(0)) return null;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "UTF-8" };
  } catch {
    return { text: iconv.decode(buffer, "win1252"), encoding: "Windows-1252" };
  }
}
