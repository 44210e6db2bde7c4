-- A stored pack page keeps its gzip and Brotli bytes only: the page itself is gzip's, decompressed
-- when a reader asks without Accept-Encoding. A sixth of the size to store and to back up.
ALTER TABLE "StoredPackPage" DROP COLUMN "html";
