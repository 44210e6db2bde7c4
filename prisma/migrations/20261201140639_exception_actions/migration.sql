-- CreateEnum
CREATE TYPE "ExceptionActionStatus" AS ENUM ('OPEN', 'DONE', 'DROPPED');

-- CreateTable
CREATE TABLE "ExceptionAction" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ExceptionActionStatus" NOT NULL DEFAULT 'OPEN',
    "droppedReason" TEXT,
    "closedMonth" TEXT,
    "endMonth" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExceptionAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExceptionAction_indicatorId_fromMonth_idx" ON "ExceptionAction"("indicatorId", "fromMonth");

-- AddForeignKey
ALTER TABLE "ExceptionAction" ADD CONSTRAINT "ExceptionAction_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;
