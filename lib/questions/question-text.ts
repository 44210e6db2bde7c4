// Text as questions, answers and comments keep it: line endings made one kind, trailing spaces off.
export const normaliseText = (s: string) =>
  s
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();

const count = (n: number) => n.toLocaleString("en-GB");
export const tooLong = (what: string, max: number, length: number) =>
  `${what} must be ${count(max)} characters or fewer (it has ${count(length)})`;
