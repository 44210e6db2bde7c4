// Rounding to an indicator's displayed decimal places, half away from zero and decimal-exact
// (1.005 to 2 places is 1.01, which Math.round(1.005 * 100) / 100 gets wrong).
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const places = Math.max(0, Math.min(10, Math.trunc(decimals)));
  const abs = Math.abs(value);
  const text = String(abs);
  // Shift the decimal point in the text, not by multiplying, unless the number is already in
  // exponent form (tiny or huge), where multiplying is exact enough.
  const magnitude = text.includes("e")
    ? Math.round(abs * 10 ** places) / 10 ** places
    : Number(`${Math.round(Number(`${text}e${places}`))}e-${places}`);
  const rounded = Math.sign(value) * magnitude;
  return rounded === 0 ? 0 : rounded; // never -0
}
