// A section's commentary state as a GOV.UK tag: the words carry the meaning, colour only helps.
import { STATE_LABEL, STATE_TAG_CLASS, type CommentaryState } from "@/lib/commentary/workflow";

export function CommentaryTag({ state }: { state: CommentaryState }) {
  return <strong className={`govuk-tag ${STATE_TAG_CLASS[state]}`}>{STATE_LABEL[state]}</strong>;
}
