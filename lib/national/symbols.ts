// DfE's symbols for a figure that is not there. A reader of published data keeps each as the reason
// it is missing: never as zero, never averaged or ranked.
export const SYMBOLS: Record<string, string> = {
  "-": "not published",
  c: "suppressed",
  x: "not available",
  z: "not applicable",
  low: "rounds to zero",
  u: "low reliability",
  k: "below 0.5%",
  ":": "not available",
  "~": "rounds to zero",
};

export type NationalValue = { value: number; symbol: null } | { value: null; symbol: string };

/** A published cell: a number, one of DfE's symbols, or an error saying what the cell holds instead. */
export function readNationalValue(raw: string): NationalValue | { error: string } {
  const text = raw.trim();
  // Most cells are plain numbers: read them without the slower checks below.
  if (/^-?\d+(\.\d+)?$/.test(text)) return { value: Number(text), symbol: null };
  if (text === "") return { error: "the cell is empty: DfE marks a missing figure with a symbol such as - or c" };
  const symbol = text.toLowerCase();
  if (symbol in SYMBOLS) return { value: null, symbol };
  const cleaned = text.replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(cleaned))
    return {
      error: `"${text.length > 30 ? `${text.slice(0, 27)}...` : text}" is neither a number nor one of DfE's symbols (${Object.keys(SYMBOLS).join(" ")})`,
    };
  return { value: Number(cleaned), symbol: null };
}

/** "suppressed (c)": how a missing figure is shown. */
export const describeSymbol = (symbol: string) => `${SYMBOLS[symbol] ?? "not available"} (${symbol})`;
