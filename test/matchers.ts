// Vitest's asymmetric matchers (expect.stringMatching and the rest) are typed `any`, so an expected object
// that holds one is an object with an `any` in it, which the linter's no-unsafe-assignment reports. These
// are the same matchers typed `unknown`: what they stand for is checked when the test runs, not before.
import { expect } from "vitest";

export const stringMatching = (pattern: string | RegExp): unknown => expect.stringMatching(pattern);
export const stringContaining = (text: string): unknown => expect.stringContaining(text);
export const objectContaining = (object: Record<string, unknown>): unknown => expect.objectContaining(object);
/** expect.any: a value made by this constructor (a primitive string or number for String and Number). */
export const anyInstanceOf = (type: abstract new (...args: never[]) => unknown): unknown => expect.any(type);
