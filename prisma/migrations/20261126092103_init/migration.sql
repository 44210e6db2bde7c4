-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'SERVICE_LEAD', 'DIRECTOR', 'PANEL_MEMBER');

-- CreateEnum
CREATE TYPE "Unit" AS ENUM ('COUNT', 'PERCENT', 'RATE_PER_10K');

-- CreateEnum
CREATE TYPE "Polarity" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'NEITHER');

-- CreateEnum
CREATE TYPE "MeasureType" AS ENUM ('MONTHLY_COUNT', 'MONTH_END_SNAPSHOT', 'IN_MONTH_PERCENT', 'ROLLING_12M');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('OPEN', 'SIGNED_OFF', 'PUBLISHED', 'AMENDING');

-- CreateEnum
CREATE TYPE "ValueSource" AS ENUM ('ENTRY', 'IMPORT');

-- CreateEnum
CREATE TYPE "CommentaryStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ReviewAction" AS ENUM ('SUBMIT', 'RETURN', 'APPROVE', 'REOPEN');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "passwordHash" TEXT,
    "externalId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Section" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Section_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SectionOwner" (
    "sectionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionOwner_pkey" PRIMARY KEY ("sectionId","userId")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sectionId" UUID NOT NULL,
    "definition" TEXT NOT NULL,
    "unit" "Unit" NOT NULL,
    "polarity" "Polarity" NOT NULL,
    "measureType" "MeasureType" NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "timescale" TEXT,
    "timescaleBasis" TEXT,
    "dataSource" TEXT,
    "suppressSmallNumbers" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "order" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorTarget" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "fromMonth" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "tolerance" DOUBLE PRECISION,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comparator" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "periodLabel" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT,
    "notes" TEXT,

    CONSTRAINT "Comparator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Period" (
    "id" UUID NOT NULL,
    "month" TEXT NOT NULL,
    "panelMeetingDate" DATE NOT NULL,
    "status" "PeriodStatus" NOT NULL DEFAULT 'OPEN',
    "version" INTEGER NOT NULL DEFAULT 1,
    "commentaryFirstSubmittedAt" TIMESTAMP(3),
    "amendmentReason" TEXT,
    "openedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Period_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "value" DOUBLE PRECISION,
    "notAvailableReason" TEXT,
    "note" TEXT,
    "source" "ValueSource" NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "revisedAfterSubmission" BOOLEAN NOT NULL DEFAULT false,
    "updatedById" UUID,
    "updatedByName" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValueRevision" (
    "id" UUID NOT NULL,
    "valueId" UUID NOT NULL,
    "revision" INTEGER NOT NULL,
    "oldValue" DOUBLE PRECISION,
    "newValue" DOUBLE PRECISION,
    "oldNotAvailableReason" TEXT,
    "newNotAvailableReason" TEXT,
    "source" "ValueSource" NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ValueRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Commentary" (
    "id" UUID NOT NULL,
    "sectionId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "status" "CommentaryStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "firstSubmittedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "updatedById" UUID,
    "updatedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Commentary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommentaryRevision" (
    "id" UUID NOT NULL,
    "commentaryId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommentaryRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" UUID NOT NULL,
    "commentaryId" UUID NOT NULL,
    "action" "ReviewAction" NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackVersion" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "chartSvgs" JSONB,
    "renderedHtml" TEXT,
    "signedOffById" UUID,
    "signedOffByName" TEXT NOT NULL,
    "signedOffByRole" "Role" NOT NULL,
    "signedOffAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,
    "amendmentReason" TEXT,
    "supersededById" UUID,

    CONSTRAINT "PackVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PackPdf" (
    "packVersionId" UUID NOT NULL,
    "contentHash" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PackPdf_pkey" PRIMARY KEY ("packVersionId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "periodMonth" TEXT,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_externalId_key" ON "User"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Section_name_key" ON "Section"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Section_slug_key" ON "Section"("slug");

-- CreateIndex
CREATE INDEX "SectionOwner_userId_idx" ON "SectionOwner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_code_key" ON "Indicator"("code");

-- CreateIndex
CREATE INDEX "Indicator_sectionId_order_idx" ON "Indicator"("sectionId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorTarget_indicatorId_fromMonth_key" ON "IndicatorTarget"("indicatorId", "fromMonth");

-- CreateIndex
CREATE UNIQUE INDEX "Comparator_indicatorId_label_periodLabel_key" ON "Comparator"("indicatorId", "label", "periodLabel");

-- CreateIndex
CREATE UNIQUE INDEX "Period_month_key" ON "Period"("month");

-- CreateIndex
CREATE INDEX "IndicatorValue_periodId_idx" ON "IndicatorValue"("periodId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_indicatorId_periodId_key" ON "IndicatorValue"("indicatorId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "ValueRevision_valueId_revision_key" ON "ValueRevision"("valueId", "revision");

-- CreateIndex
CREATE INDEX "Commentary_periodId_status_idx" ON "Commentary"("periodId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Commentary_sectionId_periodId_key" ON "Commentary"("sectionId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "CommentaryRevision_commentaryId_number_key" ON "CommentaryRevision"("commentaryId", "number");

-- CreateIndex
CREATE INDEX "ReviewComment_commentaryId_createdAt_idx" ON "ReviewComment"("commentaryId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PackVersion_supersededById_key" ON "PackVersion"("supersededById");

-- CreateIndex
CREATE UNIQUE INDEX "PackVersion_periodId_version_key" ON "PackVersion"("periodId", "version");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_at_idx" ON "AuditEvent"("actorId", "at");

-- AddForeignKey
ALTER TABLE "SectionOwner" ADD CONSTRAINT "SectionOwner_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SectionOwner" ADD CONSTRAINT "SectionOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorTarget" ADD CONSTRAINT "IndicatorTarget_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comparator" ADD CONSTRAINT "Comparator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValueRevision" ADD CONSTRAINT "ValueRevision_valueId_fkey" FOREIGN KEY ("valueId") REFERENCES "IndicatorValue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commentary" ADD CONSTRAINT "Commentary_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commentary" ADD CONSTRAINT "Commentary_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommentaryRevision" ADD CONSTRAINT "CommentaryRevision_commentaryId_fkey" FOREIGN KEY ("commentaryId") REFERENCES "Commentary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_commentaryId_fkey" FOREIGN KEY ("commentaryId") REFERENCES "Commentary"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackVersion" ADD CONSTRAINT "PackVersion_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "PackVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackVersion" ADD CONSTRAINT "PackVersion_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PackPdf" ADD CONSTRAINT "PackPdf_packVersionId_fkey" FOREIGN KEY ("packVersionId") REFERENCES "PackVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
