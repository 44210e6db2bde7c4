// The coded values a synthetic Annex A workbook holds, each with Ofsted's letter or the SSDA903/CIN
// code and a label, and how often the made-up council uses it. The labels are short paraphrases:
// enough to look like an extract, not a copy of any guidance.

/** A coded cell: "a) Yes" has a letter, "F1: Full time in higher education" a code. */
export type Code = { letter?: string; code?: string; label: string; short?: string };
export type Weighted = readonly (readonly [Code, number])[];

const lettered = (labels: ([string, number] | [string, number, string])[]): Weighted =>
  labels.map(([label, w, short], i) => [{ letter: String.fromCharCode(97 + i), label, ...(short ? { short } : {}) }, w] as const);
const coded = (rows: [string, string, number][]): Weighted => rows.map(([code, label, w]) => [{ code, label }, w] as const);

export const YES: Code = { letter: "a", label: "Yes", short: "Y" };
export const NO: Code = { letter: "b", label: "No", short: "N" };
export const yesNo = (yes: boolean): Code => (yes ? YES : NO);

export const GENDER = lettered([
  ["Male", 49],
  ["Female", 49],
  ["Not stated/recorded", 2],
]);

export const ETHNICITY = (
  [
    ["WBRI", 68],
    ["WIRI", 1],
    ["WOTH", 5],
    ["MWBC", 3],
    ["MWBA", 1],
    ["MWAS", 1],
    ["MOTH", 2],
    ["AIND", 2],
    ["APKN", 4],
    ["ABAN", 1],
    ["AOTH", 1],
    ["BCRB", 2],
    ["BAFR", 4],
    ["BOTH", 1],
    ["CHNE", 1],
    ["OOTH", 2],
    ["REFU", 1],
    ["NOBT", 2],
  ] as const
).map(([label, w], i) => [{ letter: String.fromCharCode(97 + i), label }, w] as const);

export const CONTACT_SOURCE = coded([
  ["1A", "Individual", 6],
  ["1B", "Individual - family member", 6],
  ["2A", "Schools", 18],
  ["3A", "Health services - GP", 4],
  ["3B", "Health services - health visitor", 4],
  ["3E", "Health services - A&E", 5],
  ["4", "Housing", 3],
  ["5A", "LA services - social care", 8],
  ["6", "Police", 30],
  ["8", "Other", 8],
  ["9", "Anonymous", 4],
  ["10", "Unknown", 4],
]);

export const PRIMARY_NEED = coded([
  ["N1", "Abuse or neglect", 55],
  ["N2", "Child's disability or illness", 10],
  ["N3", "Parental disability or illness", 4],
  ["N4", "Family in acute stress", 9],
  ["N5", "Family dysfunction", 14],
  ["N6", "Socially unacceptable behaviour", 3],
  ["N7", "Low income", 1],
  ["N8", "Absent parenting", 3],
  ["N9", "Cases other than children in need", 1],
]);

export const CIN_CLOSURE = coded([
  ["RC1", "Adopted", 1],
  ["RC3", "Child arrangements order", 1],
  ["RC4", "Special guardianship order", 1],
  ["RC5", "Transferred to another local authority", 6],
  ["RC6", "Transferred to adult social care", 2],
  ["RC7", "Services ceased for any other reason", 45],
  ["RC8", "Case closed after assessment, no further action", 30],
  ["RC9", "Case closed after assessment, referred to early help", 14],
]);

export const CASE_STATUS = lettered([
  ["Open assessment", 12],
  ["Child in need plan", 50],
  ["Child protection plan", 14],
  ["Looked after child", 14],
  ["Other", 10],
]);

export const ABUSE_CATEGORY = lettered([
  ["Neglect", 50],
  ["Physical abuse", 8],
  ["Sexual abuse", 4],
  ["Emotional abuse", 34],
  ["Multiple", 4],
]);

export const LEGAL_STATUS = coded([
  ["C1", "Interim care order", 18],
  ["C2", "Full care order", 52],
  ["E1", "Placement order granted", 8],
  ["V2", "Single period of accommodation under section 20", 20],
  ["J2", "Remanded to local authority accommodation", 1],
  ["L2", "Emergency protection order", 1],
]);

export const PERMANENCE_PLAN = lettered([
  ["Return to family", 15],
  ["Adoption", 8],
  ["Special guardianship order", 10],
  ["Long-term fostering", 45],
  ["Residential", 8],
  ["Independent living", 8],
  ["Other", 6],
]);

export const PLACEMENT_TYPE = coded([
  ["U1", "Foster placement with relative or friend - long term", 12],
  ["U4", "Foster placement with other foster carer - long term", 30],
  ["U6", "Foster placement with other foster carer - not long term", 28],
  ["K2", "Children's home", 12],
  ["P1", "Placed with own parents", 6],
  ["H5", "Semi-independent living accommodation", 6],
  ["A4", "Placed for adoption", 4],
  ["R1", "Residential care home", 2],
]);

export const PLACEMENT_PROVIDER = coded([
  ["PR0", "Parents or other person with parental responsibility", 6],
  ["PR1", "Own provision (by the LA)", 52],
  ["PR2", "Other LA provision", 4],
  ["PR4", "Private provision", 34],
  ["PR5", "Voluntary/third sector provision", 4],
]);

export const PLACEMENT_LOCATION = lettered([
  ["Inside LA boundary", 70],
  ["Outside LA boundary", 30],
]);

/** SSDA903 reasons an episode of care ceased; the sample writes them "E45: ..." or "E11". */
export const REASON_CEASED = coded([
  ["E11", "Adopted - application unopposed", 9],
  ["E12", "Adopted - consent dispensed with by the court", 3],
  ["E43", "Special guardianship order - former foster carer, relative or friend", 4],
  ["E44", "Special guardianship order - former foster carer, other", 2],
  ["E45", "Special guardianship order - other carer, relative or friend", 5],
  ["E46", "Special guardianship order - other carer, other", 1],
  ["E41", "Child arrangements order", 4],
  ["E4A", "Returned home as part of the care plan", 30],
  ["E13", "Left care to live with parent or relative", 8],
  ["E3", "Care taken over by another local authority", 3],
  ["E15", "Age assessment determined the child is 18 or over", 1],
  ["E8", "Period of care ended for any other reason", 10],
  ["E9", "Sentenced to custody", 1],
]);
/** Why care ends at 18. */
export const REASON_CEASED_AT_18 = coded([
  ["E17", "Aged 18, remained with current carers", 35],
  ["E5", "Moved into independent living", 45],
  ["E8", "Period of care ended for any other reason", 20],
]);

export const ELIGIBILITY_RELEVANT: Code = { letter: "a", label: "Relevant child" };
export const ELIGIBILITY_FORMER: Code = { letter: "b", label: "Former relevant child" };
export const ELIGIBILITY_QUALIFYING: Code = { letter: "c", label: "Qualifying care leaver" };

export const IN_TOUCH = lettered([
  ["Yes", 79, "Y"],
  ["No", 8, "N"],
  ["Refu", 5],
  ["NREQ", 4],
  ["Rhom", 3],
  ["Died", 1],
]);

export const ACCOMMODATION = coded([
  ["B", "With parents or relatives", 10],
  ["E", "Supported lodgings", 10],
  ["K", "Semi-independent living", 20],
  ["R", "With former foster carers", 10],
  ["U", "Independent living", 40],
  ["V", "Emergency accommodation", 3],
  ["X", "In custody", 3],
  ["T", "Bed and breakfast", 4],
]);

export const SUITABLE: Code = { letter: "a", label: "Suitable" };
export const UNSUITABLE: Code = { letter: "b", label: "Unsuitable" };

export const ACTIVITY = coded([
  ["F1", "Full time in higher education", 8],
  ["P1", "Part time in higher education", 2],
  ["F2", "Full time in education other than higher education", 13],
  ["P2", "Part time in education other than higher education", 3],
  ["F3", "Full time in training or employment", 30],
  ["P3", "Part time in training or employment", 8],
  ["G4", "Not in education, training or employment: illness or disability", 10],
  ["G5", "Not in education, training or employment: other reasons", 21],
  ["G6", "Not in education, training or employment: pregnancy or parenting", 5],
]);
