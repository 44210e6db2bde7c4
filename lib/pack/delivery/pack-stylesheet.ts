// The stored pack pages' stylesheet as the server sends it (/pack-style/<key>.css): the current
// checkout's, compiled by the renderer's process (Sass would hold this process for two seconds),
// compressed once, and cached by browsers for a year, since its address changes when it does.
import "server-only";
import { encodePage, type EncodedPage } from "@/lib/pack/delivery/encoded-page";
import { compiledPackStylesheet, packStylesheetKey } from "@/lib/pack/render/pack-css";
import { compilePackStylesheet } from "@/lib/pack/render/render-pages";

let current: { key: string; css: string; page: Promise<EncodedPage> } | null = null;

async function load(key: string) {
  if (current?.key === key) return current;
  const css = compiledPackStylesheet(key) ?? (await compilePackStylesheet());
  if (current?.key !== key) current = { key, css, page: encodePage(css) };
  return current;
}

/** The stylesheet's text, for the PDF (which loads the page with no server behind it). */
export async function packStylesheetText(): Promise<string> {
  return (await load(packStylesheetKey())).css;
}

/** The stylesheet under its key, or null for any other key (an older checkout's: its pages are rendered again). */
export async function packStylesheetPage(key: string): Promise<EncodedPage | null> {
  if (key !== packStylesheetKey()) return null;
  return (await load(key)).page;
}
