// Settings that vary by council or deployment, read from the environment.
export const appConfig = {
  councilName: process.env.COUNCIL_NAME?.trim() || "Northbridge City Council",
  serviceName: "Scrutiny Pack",
  publicPacks: process.env.PUBLIC_PACKS === "true",
  /** QUESTION_DEADLINE_DAYS: questions close this many clear working days before the meeting (default 3). */
  get questionClearDays(): number {
    const n = Number(process.env.QUESTION_DEADLINE_DAYS ?? "3");
    return Number.isInteger(n) && n >= 0 && n <= 20 ? n : 3;
  },
  /** PANEL_QUESTION_NAMES=hide: the pack says "A panel member" instead of who asked. */
  get showAskerNames(): boolean {
    return process.env.PANEL_QUESTION_NAMES !== "hide";
  },
};

/** A page's whole <title>, as app/layout.tsx's metadata template writes it. */
export function pageTitle(title: string): string {
  return `${title} - ${appConfig.serviceName} - ${appConfig.councilName}`;
}
