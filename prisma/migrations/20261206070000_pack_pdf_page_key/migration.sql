-- The key of the stored page a PDF was printed from (StoredPackPage.pageKey, PUBLIC). A PDF whose key
-- is not the page's current one, or that has none (printed before this), is printed again once: an
-- upgrade that changes the pack's layout or print stylesheet then reaches every published PDF too.
ALTER TABLE "PackPdf" ADD COLUMN "pageKey" TEXT;
