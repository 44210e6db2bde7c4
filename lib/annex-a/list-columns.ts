// The Annex A lists and the columns the figures read (spec "The lists"), by Ofsted's names, with the
// variants councils' systems write. A heading is matched with case, spacing, punctuation and the word
// "the" ignored, so "Date of referral ", "DATE OF REFERRAL" and "Date_of_Referral" are one column.
export type ColumnKind = "date" | "count" | "code";
export type ColumnSpec = { key: string; name: string; kind: ColumnKind; variants?: string[] };
export type ListSpec = { list: number; title: string; columns: ColumnSpec[] };

export const ID_COLUMN: ColumnSpec = { key: "child", name: "Child Unique ID", kind: "code", variants: ["Child ID", "Child Unique Identifier", "Unique Child ID"] };
const DOB: ColumnSpec = { key: "dob", name: "Date of Birth", kind: "date", variants: ["DOB"] };

export const LISTS: ListSpec[] = [
  { list: 1, title: "contacts", columns: [{ key: "contact", name: "Date of Contact", kind: "date", variants: ["Contact Date"] }] },
  { list: 3, title: "referrals", columns: [{ key: "referral", name: "Date of Referral", kind: "date", variants: ["Referral Date"] }] },
  {
    list: 4, title: "assessments", columns: [
      { key: "start", name: "Continuous Assessment Start Date", kind: "date", variants: ["Assessment Start Date"] },
      { key: "auth", name: "Continuous Assessment Date of Authorisation", kind: "date", variants: ["Date of Authorisation", "Assessment Authorisation Date", "Continuous Assessment Authorisation Date"] },
    ],
  },
  {
    list: 5, title: "section 47 enquiries and ICPCs", columns: [
      { key: "strategy", name: "Strategy discussion initiating Section 47 Enquiry Start Date", kind: "date", variants: ["Section 47 Enquiry Start Date", "Strategy Discussion Date", "S47 Enquiry Start Date"] },
      { key: "icpc", name: "Date of Initial Child Protection Conference", kind: "date", variants: ["ICPC Date", "Date of ICPC", "Initial Child Protection Conference Date"] },
    ],
  },
  {
    list: 6, title: "children in need", columns: [
      { key: "start", name: "CIN Start Date", kind: "date", variants: ["Child in Need Start Date"] },
      { key: "end", name: "CIN Closure Date", kind: "date", variants: ["CIN End Date", "Child in Need Closure Date"] },
    ],
  },
  {
    list: 7, title: "child protection", columns: [
      { key: "start", name: "Child Protection Plan Start Date", kind: "date", variants: ["CP Plan Start Date"] },
      { key: "end", name: "Child Protection Plan End Date", kind: "date", variants: ["CP Plan End Date"] },
      { key: "visit", name: "Date of the Last Statutory Visit", kind: "date", variants: ["Date of Latest Statutory Visit", "Last Statutory Visit Date"] },
      { key: "previous", name: "Number of Previous Child Protection Plans", kind: "count", variants: ["Number of Previous CP Plans", "Previous Child Protection Plans"] },
    ],
  },
  {
    list: 8, title: "children looked after", columns: [
      DOB,
      { key: "start", name: "Date Started to be Looked After", kind: "date", variants: ["Date Started Looked After", "Date Started being Looked After"] },
      { key: "end", name: "Date Ceased to be Looked After", kind: "date", variants: ["Date Ceased Looked After", "Date Ceased being Looked After"] },
      { key: "reason", name: "Reason Ceased to be Looked After", kind: "code", variants: ["Reason Ceased Looked After", "Reason Ceased being Looked After", "Reason Episode Ceased"] },
      { key: "placements", name: "Number of Placements in the Last 12 months", kind: "count", variants: ["Number of Placements in Last 12 Months", "Placements in the Last 12 Months"] },
      { key: "placementStart", name: "Start Date of Most Recent Placement", kind: "date", variants: ["Most Recent Placement Start Date", "Start Date of Current Placement"] },
      { key: "health", name: "Date of Last Health Assessment", kind: "date", variants: ["Date of Latest Health Assessment", "Last Health Assessment Date"] },
    ],
  },
  {
    list: 9, title: "care leavers", columns: [
      DOB,
      { key: "eligibility", name: "Eligibility Category", kind: "code", variants: ["Care Leaver Eligibility Category", "Eligibility"] },
      { key: "inTouch", name: "LA in Touch", kind: "code", variants: ["Local Authority in Touch", "In Touch"] },
      { key: "suitability", name: "Suitability of Accommodation", kind: "code", variants: ["Accommodation Suitability", "Suitability of Accommodation (Suitable/Unsuitable)"] },
      { key: "activity", name: "Activity Status", kind: "code", variants: ["Main Activity", "Activity"] },
    ],
  },
];

export const LIST_NUMBERS = LISTS.map((l) => l.list);
export const listSpec = (list: number): ListSpec | undefined => LISTS.find((l) => l.list === list);
export const columnName = (list: number, key: string): string =>
  key === ID_COLUMN.key ? ID_COLUMN.name : listSpec(list)?.columns.find((c) => c.key === key)?.name ?? key;

/** A heading as compared: lower case, "the" and every space and punctuation mark left out. */
export function normaliseHeading(text: string): string {
  return text.toLowerCase().replace(/&/g, "and").replace(/\bthe\b/g, "").replace(/[^a-z0-9]/g, "");
}

/** The list a sheet's name gives: "List 1", "List1", "L1", "List 1 - Contacts", "list_03". */
export function listNumberOfSheet(name: string): number | null {
  const m = /^\s*l(?:ist)?[\s_-]*0*(\d{1,2})(?!\d)/i.exec(name);
  return m ? Number(m[1]) : null;
}

/** Which column (by index) holds each of the list's columns, by heading; and the ID column. */
export function matchHeadings(list: ListSpec, headings: string[]): { id: number | null; columns: Map<string, number> } {
  const index = new Map<string, number>();
  headings.forEach((h, i) => {
    const key = normaliseHeading(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const find = (spec: ColumnSpec): number | null => {
    for (const name of [spec.name, ...(spec.variants ?? [])]) {
      const at = index.get(normaliseHeading(name));
      if (at !== undefined) return at;
    }
    return null;
  };
  const columns = new Map<string, number>();
  for (const spec of list.columns) {
    const at = find(spec);
    if (at !== null) columns.set(spec.key, at);
  }
  return { id: find(ID_COLUMN), columns };
}
