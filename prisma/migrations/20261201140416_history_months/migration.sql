-- AlterEnum
ALTER TYPE "PeriodStatus" ADD VALUE 'HISTORY';

-- AlterTable
ALTER TABLE "ImportBatch" ALTER COLUMN "periodId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Period" ALTER COLUMN "panelMeetingDate" DROP NOT NULL;
