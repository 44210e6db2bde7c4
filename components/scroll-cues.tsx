"use client";
// Marks each scroll region (scroll-region.tsx) whose content is wider than it, so its hint "Scroll
// sideways to see all columns" shows exactly when there are columns out of sight, and stops showing
// when the window widens. Watches for regions that appear later (a table drawn after a form is sent).
import { useEffect } from "react";

const REGION = ".app-scroll-region";

export function ScrollCues() {
  useEffect(() => {
    const mark = (region: Element) => region.toggleAttribute("data-overflowing", region.scrollWidth > region.clientWidth + 1);
    const sizes = new ResizeObserver((entries) => {
      for (const e of entries) mark(e.target.matches(REGION) ? e.target : (e.target.closest(REGION) ?? e.target));
    });
    const watched = new WeakSet<Element>();
    const scan = () => {
      for (const region of document.querySelectorAll(REGION)) {
        if (!watched.has(region)) {
          watched.add(region);
          sizes.observe(region);
          for (const child of region.children) sizes.observe(child);
        }
        mark(region);
      }
    };
    let queued = 0;
    const added = new MutationObserver(() => {
      cancelAnimationFrame(queued);
      queued = requestAnimationFrame(scan);
    });
    scan();
    added.observe(document.body, { childList: true, subtree: true });
    return () => {
      cancelAnimationFrame(queued);
      added.disconnect();
      sizes.disconnect();
    };
  }, []);
  return null;
}
