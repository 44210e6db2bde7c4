// "Questions from the panel": the addendum of approved answers to members' questions on this month's
// pack, beside the signed-off pack and never part of it (its figures, commentary and content hash
// stay as signed off). Printed as an annex in the PDF.
import { formatDate } from "@/lib/format/dates";
import type { PackQuestion, PackQuestions as Questions } from "@/lib/questions/pack-questions";

export function PackQuestions({
  questions,
  month,
  inPack,
  ask,
}: {
  questions: Questions | null;
  month: string;
  inPack: Set<string>;
  ask: boolean;
}) {
  if (!questions || (!questions.answered.length && !questions.awaiting && !ask)) return null;
  const { answered, awaiting } = questions;
  return (
    <section className="app-pack-part app-pack-annex" aria-labelledby="questions-title">
      <h2 className="govuk-heading-l" id="questions-title">
        Questions from the panel
      </h2>
      <p className="govuk-body-s">
        Written questions from panel members before the meeting on {formatDate(questions.meeting)}, with the answers the director approved.
        An addendum to the signed-off pack: its figures and commentary are unchanged.
      </p>
      {ask ? (
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/packs/${month}/questions/new`}>
            Ask a question about this pack
          </a>{" "}
          (until the end of {formatDate(questions.deadline)}), or{" "}
          <a className="govuk-link" href={`/packs/${month}/questions`}>
            see your questions
          </a>
          .
        </p>
      ) : null}
      {answered.length ? (
        answered.map((q) => <Answered key={q.number} q={q} inPack={inPack} />)
      ) : (
        <p className="govuk-body">No question has been answered yet.</p>
      )}
      {awaiting ? (
        <p className="govuk-body">
          {awaiting === 1 ? "1 more question is" : `${awaiting} more questions are`} waiting for an answer, due by{" "}
          {formatDate(questions.answersDue)}.
        </p>
      ) : null}
    </section>
  );
}

function Answered({ q, inPack }: { q: PackQuestion; inPack: Set<string> }) {
  const about =
    q.about.kind === "indicator" ? (
      inPack.has(q.about.code) ? (
        <a className="govuk-link" href={`#ind-${q.about.code}`}>
          {q.about.name}
        </a>
      ) : (
        q.about.name
      )
    ) : q.about.kind === "section" ? (
      <a className="govuk-link" href={`#section-${q.about.slug}`}>
        {q.about.name}
      </a>
    ) : (
      "The whole pack"
    );
  return (
    <article className="app-pack-question" aria-labelledby={`question-${q.number}`}>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1" id={`question-${q.number}`}>
        Question {q.number}
      </h3>
      <dl className="app-pack-record">
        <dt>About</dt>
        <dd>{about}</dd>
        <dt>Asked by</dt>
        <dd>
          {q.askedBy ?? "A panel member"}, {formatDate(q.askedAt)}
        </dd>
        <dt>Question</dt>
        <dd className="app-pack-question__text">{q.body}</dd>
        <dt>Answer</dt>
        <dd className="app-pack-question__text">{q.answer}</dd>
        <dt>Answered by</dt>
        <dd>
          {q.answeredBy}
          {q.approvedBy && q.approvedBy !== q.answeredBy ? `; approved by ${q.approvedBy}` : ""}, {formatDate(q.approvedAt)}
        </dd>
      </dl>
    </article>
  );
}
