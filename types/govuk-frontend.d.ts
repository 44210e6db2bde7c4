// GOV.UK Frontend ships its scripts without type declarations: the one class the app starts.
declare module "govuk-frontend" {
  /** The service navigation's "Menu" toggle (components/nav-links.tsx). */
  export class ServiceNavigation {
    constructor($root: Element | null);
  }
}
