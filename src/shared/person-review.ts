/**
 * One person as the person page shows them: Finch's individual and employment records, the SSN
 * only as its last four digits, and their pay statements a page at a time. Money is integer
 * cents; dates are as Finch sent them. Types only.
 */

export interface PersonContact {
  data: string | null
  /** Finch's word, such as `work` or `personal`; null when absent. */
  type: string | null
}

export interface PersonAddress {
  line1: string | null
  line2: string | null
  city: string | null
  state: string | null
  postalCode: string | null
  country: string | null
}

export interface PersonIncome {
  amountCents: number | null
  currency: string | null
  /** Finch's unit, such as `yearly` or `hourly`. */
  unit: string | null
  effectiveDate: string | null
}

export interface PersonCustomField {
  name: string | null
  /** The value as text: a string as is, anything else as Finch's JSON. */
  value: string | null
}

export interface PersonProfile {
  individualId: string
  firstName: string | null
  middleName: string | null
  lastName: string | null
  preferredName: string | null
  dob: string | null
  emails: PersonContact[]
  phoneNumbers: PersonContact[]
  residence: PersonAddress | null
  /** The SSN's last four digits, or null when Finch sent none. The full number never crosses. */
  ssnLast4: string | null
  /** True when the cache holds the full SSN, which the accountant may reveal on purpose. */
  canRevealSsn: boolean
  employment: PersonEmployment | null
}

export interface PersonEmployment {
  title: string | null
  department: string | null
  managerId: string | null
  managerName: string | null
  employmentType: string | null
  employmentSubtype: string | null
  employmentStatus: string | null
  flsaStatus: string | null
  classCode: string | null
  isActive: boolean | null
  startDate: string | null
  endDate: string | null
  latestRehireDate: string | null
  location: (PersonAddress & { name: string | null }) | null
  income: PersonIncome | null
  /** Finch's income history, newest effective date first. */
  incomeHistory: PersonIncome[]
  customFields: PersonCustomField[]
}

/** The one answer that carries a full SSN, after the accountant confirmed; it is audited. */
export interface RevealedSsn {
  individualId: string
  ssn: string
  revealedAt: string
}

/** One of the person's pay statements with its payment's pay date. */
export interface PayHistoryRow {
  statementRow: number
  paymentId: string
  payDate: string | null
  type: string | null
  totalHours: number | null
  grossPayCents: number | null
  netPayCents: number | null
}

export interface PayHistoryPage {
  total: number
  offset: number
  rows: PayHistoryRow[]
}
