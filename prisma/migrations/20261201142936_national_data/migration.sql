-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "nationalMeasureCode" TEXT;

-- CreateTable
CREATE TABLE "NationalMeasure" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "polarity" "Polarity" NOT NULL,
    "unit" "Unit",
    "unitLabel" TEXT NOT NULL,
    "yearType" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NationalMeasure_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "NationalFigure" (
    "measureCode" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "areaName" TEXT NOT NULL,
    "year" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "symbol" TEXT,

    CONSTRAINT "NationalFigure_pkey" PRIMARY KEY ("measureCode","areaCode","year")
);

-- CreateTable
CREATE TABLE "StatisticalNeighbour" (
    "laNumber" TEXT NOT NULL,
    "laName" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "neighbourLaNumber" TEXT NOT NULL,
    "closeness" TEXT NOT NULL,

    CONSTRAINT "StatisticalNeighbour_pkey" PRIMARY KEY ("laNumber","position")
);

-- CreateTable
CREATE TABLE "CouncilSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "laNumber" TEXT,
    "borrowed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouncilSetting_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_nationalMeasureCode_fkey" FOREIGN KEY ("nationalMeasureCode") REFERENCES "NationalMeasure"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NationalFigure" ADD CONSTRAINT "NationalFigure_measureCode_fkey" FOREIGN KEY ("measureCode") REFERENCES "NationalMeasure"("code") ON DELETE CASCADE ON UPDATE CASCADE;
