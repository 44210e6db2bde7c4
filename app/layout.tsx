import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.scss";
import { appConfig } from "@/lib/config/app";

export const metadata: Metadata = {
  title: { default: `${appConfig.serviceName} - ${appConfig.councilName}`, template: `%s - ${appConfig.serviceName} - ${appConfig.councilName}` },
  description: "Monthly children's services performance packs for the scrutiny panel",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB" className="govuk-template">
      <body className="govuk-template__body">{children}</body>
    </html>
  );
}
