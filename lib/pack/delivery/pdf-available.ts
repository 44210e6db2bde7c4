// Whether this server can make PDFs: it needs a Chromium binary.
import fs from "node:fs";

export const chromiumPath = () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const pdfAvailable = () => fs.existsSync(chromiumPath());
