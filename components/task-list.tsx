// GOV.UK task list: each item a link with its hint and status beside it, read out together.
import type { ReactNode } from "react";

export type TaskItem = { id: string; name: string; href?: string; hint?: ReactNode; status: ReactNode };

export function TaskList({ items }: { items: TaskItem[] }) {
  return (
    <ul className="govuk-task-list">
      {items.map((item) => (
        <li key={item.id} className={`govuk-task-list__item${item.href ? " govuk-task-list__item--with-link" : ""}`}>
          <div className="govuk-task-list__name-and-hint">
            {item.href ? (
              <a
                className="govuk-link govuk-task-list__link"
                href={item.href}
                aria-describedby={`${item.hint ? `${item.id}-hint ` : ""}${item.id}-status`}
              >
                {item.name}
              </a>
            ) : (
              <div>{item.name}</div>
            )}
            {item.hint ? (
              <div id={`${item.id}-hint`} className="govuk-task-list__hint">
                {item.hint}
              </div>
            ) : null}
          </div>
          <div className="govuk-task-list__status" id={`${item.id}-status`}>
            {item.status}
          </div>
        </li>
      ))}
    </ul>
  );
}
