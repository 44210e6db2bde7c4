// Settings that vary by council or deployment, read from the environment.
export const appConfig = {
  councilName: process.env.COUNCIL_NAME?.trim() || "Northbridge City Council",
  serviceName: "Scrutiny Pack",
  publicPacks: process.env.PUBLIC_PACKS === "true",
};

/** A page's whole <title>, as app/layout.tsx's metadata template writes it. */
export function pageTitle(title: string): string {
  return `${title} - ${appConfig.serviceName} - ${appConfig.councilName}`;
}
