/*
  Warnings:

  - You are about to drop the column `renderedHtml` on the `PackVersion` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "PackVersion" DROP COLUMN "renderedHtml";

-- CreateTable
CREATE TABLE "StoredPackPage" (
    "packVersionId" UUID NOT NULL,
    "audience" TEXT NOT NULL,
    "pageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mac" TEXT NOT NULL,
    "html" BYTEA NOT NULL,
    "gzip" BYTEA NOT NULL,
    "br" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredPackPage_pkey" PRIMARY KEY ("packVersionId","audience")
);

-- AddForeignKey
ALTER TABLE "StoredPackPage" ADD CONSTRAINT "StoredPackPage_packVersionId_fkey" FOREIGN KEY ("packVersionId") REFERENCES "PackVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every change to what a pack page shows tells every server, at commit, on the channel
-- "scrutiny_cache" (lib/cache/invalidation.ts): "content:<table>". The servers' caches of the staff
-- preview and of which version a month serves are dropped on it (lib/pack/delivery/pack-caches.ts).
-- A NOTIFY is part of its transaction: sent when it commits, never for a rollback. Statement-level,
-- so an import of thousands of rows sends one, and PostgreSQL folds repeats within a transaction.
-- Kept in step with CONTENT_TABLES in lib/pack/delivery/content-tables.ts (a test compares them).
CREATE FUNCTION scrutiny_notify_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('scrutiny_cache', 'content:' || TG_TABLE_NAME);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'Section', 'SectionOwner', 'User', 'Indicator', 'IndicatorTarget', 'Comparator', 'Period',
    'IndicatorValue', 'PackVersion', 'Commentary', 'CommentaryRevision', 'ReviewComment',
    'ExceptionAction', 'NationalMeasure', 'NationalFigure', 'StatisticalNeighbour', 'CouncilSetting',
    'ChildPopulation'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER scrutiny_notify_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION scrutiny_notify_content()',
      t);
  END LOOP;
END $$;
