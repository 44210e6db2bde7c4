import { countCatalogue } from "@/lib/home/home-summary";

export async function DirectorHome() {
  const counts = await countCatalogue();
  return (
    <>
      <h1 className="govuk-heading-xl">Reviews and sign-off</h1>
      <p className="govuk-body">
        {counts.periods === 0 ? "No periods have been opened yet." : `${counts.periods} periods have been opened.`}
      </p>
    </>
  );
}
