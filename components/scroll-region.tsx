// Every wide table scrolls sideways inside one of these, never the whole page (WCAG 1.4.10 reflow).
// It is focusable so keyboard users can scroll it, and a named region so screen reader users know
// what they are in. The class is positioned and clips, so visually hidden text inside (absolutely
// positioned by GOV.UK) stays inside it instead of widening the page.
// Columns out of sight are cued two ways (app/globals.scss): a shadow on the edge with more to see
// (CSS alone, so also on the stored pack pages, which have no script), and, where scripts run, the
// words "Scroll sideways to see all columns" above the table, while scroll-cues.tsx marks it wider
// than the region.
import type { ReactNode } from "react";

/** A region is named by words of its own or by the id of what names it (a caption, a heading). */
export type ScrollRegionName = { label: string; labelledBy?: never } | { labelledBy: string; label?: never };

export function ScrollRegion({ className, children, ...name }: ScrollRegionName & { className?: string; children: ReactNode }) {
  return (
    <div
      className={`app-scroll-region${className ? ` ${className}` : ""}`}
      role="region"
      tabIndex={0}
      aria-label={name.label}
      aria-labelledby={name.labelledBy}
    >
      {children}
    </div>
  );
}
