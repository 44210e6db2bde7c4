// Reads the period cell as people and spreadsheets write it. Excel turns a typed "2019-09" into a
// date and saves it back as "Sep-19" or "01/09/2019", so those count too (UK day-first dates).
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const month = (year: number, m: number): string | null =>
  m >= 1 && m <= 12 && year >= 1000 && year <= 9999 ? `${year}-${String(m).padStart(2, "0")}` : null;

/** A YYYY-MM month, or null when the text is not recognisably a month. */
export function parseMonth(raw: string | Date | null | undefined): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : month(raw.getUTCFullYear(), raw.getUTCMonth() + 1);
  const text = String(raw ?? "")
    .trim()
    .toLowerCase();
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2})(?:[ t].*)?)?$/.exec(text);
  if (m) return m[3] !== undefined && !validDay(Number(m[3])) ? null : month(Number(m[1]), Number(m[2]));
  m = /^(?:(\d{1,2})\/)?(\d{1,2})\/(\d{4})$/.exec(text);
  if (m) return m[1] !== undefined && !validDay(Number(m[1])) ? null : month(Number(m[3]), Number(m[2]));
  m = /^([a-z]{3,9})\.?[\s-]+(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const index = MONTHS.indexOf(m[1].slice(0, 3));
    if (index < 0 || !isMonthName(m[1])) return null;
    const year = m[2].length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return month(year, index + 1);
  }
  return null;
}

const validDay = (d: number) => d >= 1 && d <= 31;

const FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const isMonthName = (word: string) => FULL.some((name) => name.startsWith(word)) || word === "sept";
