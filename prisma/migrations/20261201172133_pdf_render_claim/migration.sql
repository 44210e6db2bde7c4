-- CreateTable
CREATE TABLE "PackPdfRender" (
    "packVersionId" UUID NOT NULL,
    "claimedBy" TEXT,
    "claimedAt" TIMESTAMP(3),
    "renders" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PackPdfRender_pkey" PRIMARY KEY ("packVersionId")
);

-- AddForeignKey
ALTER TABLE "PackPdfRender" ADD CONSTRAINT "PackPdfRender_packVersionId_fkey" FOREIGN KEY ("packVersionId") REFERENCES "PackVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
