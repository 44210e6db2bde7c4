import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { meetingsForRecording } from "@/lib/recommendations/find-recommendations";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { RecordRecommendationForm } from "./record-recommendation-form";

export const metadata: Metadata = { title: "Record a recommendation" };

export default async function RecordRecommendationPage() {
  const user = await requirePermission("recommendation.record");
  const { meetings, sections } = await meetingsForRecording(user);
  return (
    <>
      <Breadcrumbs items={[{ href: "/recommendations", text: "Recommendations" }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {meetings.length === 0 ? (
            <>
              <h1 className="govuk-heading-xl">Record a recommendation</h1>
              <div className="govuk-inset-text">
                No panel meeting has happened yet. Record a recommendation after the meeting that made it.
              </div>
            </>
          ) : (
            <RecordRecommendationForm meetings={meetings} sections={sections} />
          )}
        </div>
      </div>
    </>
  );
}
