-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('FILE', 'ANNEX_A');

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "kind" "ImportKind" NOT NULL DEFAULT 'FILE';

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "provenance" JSONB;

-- CreateTable
CREATE TABLE "ChildPopulation" (
    "year" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "source" TEXT,
    "updatedById" UUID,
    "updatedByName" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChildPopulation_pkey" PRIMARY KEY ("year")
);
