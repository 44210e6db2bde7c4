"use client";
// "Move up" and "Move down" for one section. Focus stays on the button pressed (or its partner when
// the section reaches the top or bottom), and the result is announced.
import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/form/error-summary";
import { moveSectionAction } from "./actions";

export function MoveButtons({ id, name, first, last }: { id: string; name: string; first: boolean; last: boolean }) {
  const [state, formAction, pending] = useActionState(moveSectionAction, null);
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pressed = state?.values?.direction;
  useEffect(() => {
    if (!state?.at) return;
    const wanted = pressed === "up" ? up.current : down.current;
    const other = pressed === "up" ? down.current : up.current;
    if (wanted && !wanted.disabled) wanted.focus();
    else other?.focus();
  }, [state?.at, pressed]);
  return (
    <form action={formAction} className="app-order-buttons">
      <input type="hidden" name="id" value={id} />
      {!first ? (
        <button
          ref={up}
          type="submit"
          name="direction"
          value="up"
          className="govuk-button govuk-button--secondary"
          disabled={pending}
          aria-disabled={pending}
        >
          Move<span className="govuk-visually-hidden"> {name}</span> up
        </button>
      ) : null}
      {!last ? (
        <button
          ref={down}
          type="submit"
          name="direction"
          value="down"
          className="govuk-button govuk-button--secondary"
          disabled={pending}
          aria-disabled={pending}
        >
          Move<span className="govuk-visually-hidden"> {name}</span> down
        </button>
      ) : null}
      <span role="status" className="govuk-visually-hidden">
        {state?.ok ? state.message : ""}
      </span>
      <FormError message={state && !state.ok ? state.message : undefined} className="govuk-!-margin-bottom-0" />
    </form>
  );
}
