// How a posted form's values read: a checkbox sends "on" (or its value) when ticked and nothing when not.
export const isTicked = (v: unknown) => v === "on" || v === "true" || v === "yes" || v === true;
