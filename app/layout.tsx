import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.scss";
import { appConfig, pageTitle } from "@/lib/config/app";
import { connection } from "next/server";

export const metadata: Metadata = {
  title: { default: `${appConfig.serviceName} - ${appConfig.councilName}`, template: pageTitle("%s") },
  description: "Monthly children's services performance packs for the scrutiny panel",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request: the Content-Security-Policy nonce (proxy.ts) differs on every response, and
  // a page prerendered at build time would carry scripts without it.
  await connection();
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">{children}</body>
    </html>
  );
}
