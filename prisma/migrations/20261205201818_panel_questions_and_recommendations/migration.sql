-- CreateEnum
CREATE TYPE "QuestionStatus" AS ENUM ('ASKED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('AWAITING_RESPONSE', 'ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED', 'IMPLEMENTED', 'CLOSED');

-- CreateTable
CREATE TABLE "PanelQuestion" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "sectionId" UUID,
    "indicatorId" UUID,
    "body" TEXT NOT NULL,
    "askedById" UUID,
    "askedByName" TEXT NOT NULL,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "QuestionStatus" NOT NULL DEFAULT 'ASKED',
    "answer" TEXT NOT NULL DEFAULT '',
    "answeredById" UUID,
    "answeredByName" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedByName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PanelQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuestionReview" (
    "id" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "authorRole" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "meetingDate" DATE NOT NULL,
    "number" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "addressedTo" TEXT NOT NULL,
    "responseDue" DATE NOT NULL,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'AWAITING_RESPONSE',
    "responseReasons" TEXT,
    "respondedAt" TIMESTAMP(3),
    "respondedByName" TEXT,
    "closedReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationIndicator" (
    "recommendationId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,

    CONSTRAINT "RecommendationIndicator_pkey" PRIMARY KEY ("recommendationId","indicatorId")
);

-- CreateTable
CREATE TABLE "RecommendationSection" (
    "recommendationId" UUID NOT NULL,
    "sectionId" UUID NOT NULL,

    CONSTRAINT "RecommendationSection_pkey" PRIMARY KEY ("recommendationId","sectionId")
);

-- CreateTable
CREATE TABLE "RecommendationAction" (
    "id" UUID NOT NULL,
    "recommendationId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "ownerName" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationUpdate" (
    "id" UUID NOT NULL,
    "recommendationId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PanelQuestion_periodId_status_idx" ON "PanelQuestion"("periodId", "status");

-- CreateIndex
CREATE INDEX "QuestionReview_questionId_createdAt_idx" ON "QuestionReview"("questionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_meetingDate_number_key" ON "Recommendation"("meetingDate", "number");

-- CreateIndex
CREATE INDEX "RecommendationAction_recommendationId_idx" ON "RecommendationAction"("recommendationId");

-- CreateIndex
CREATE INDEX "RecommendationUpdate_recommendationId_createdAt_idx" ON "RecommendationUpdate"("recommendationId", "createdAt");

-- AddForeignKey
ALTER TABLE "PanelQuestion" ADD CONSTRAINT "PanelQuestion_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelQuestion" ADD CONSTRAINT "PanelQuestion_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelQuestion" ADD CONSTRAINT "PanelQuestion_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuestionReview" ADD CONSTRAINT "QuestionReview_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "PanelQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationIndicator" ADD CONSTRAINT "RecommendationIndicator_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationIndicator" ADD CONSTRAINT "RecommendationIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationSection" ADD CONSTRAINT "RecommendationSection_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationSection" ADD CONSTRAINT "RecommendationSection_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAction" ADD CONSTRAINT "RecommendationAction_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationUpdate" ADD CONSTRAINT "RecommendationUpdate_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What a pack page shows from these tables (approved answers, the recommendations part of the live
-- preview) must reach every server's caches when it changes: the same trigger as the other content
-- tables (lib/pack/delivery/content-tables.ts).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'PanelQuestion', 'Recommendation', 'RecommendationIndicator', 'RecommendationSection',
    'RecommendationAction', 'RecommendationUpdate'
  ] LOOP
    EXECUTE format(
      'CREATE TRIGGER scrutiny_notify_content AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION scrutiny_notify_content()',
      t);
  END LOOP;
END $$;
