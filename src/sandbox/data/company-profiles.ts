/**
 * The fictional employers behind the sandbox scenarios: their sites, divisions, teams, titles and
 * pay bands. Addresses are plausible but invented, and every email domain is reserved (`.example`).
 */
import type { CentsRange, CompanyProfile, DivisionProfile, WorkSite } from './company-plan'
import { REMOTE_SITE } from './company-plan'

const yearly = (fromDollars: number, toDollars: number): CentsRange => [
  fromDollars * 100,
  toDollars * 100,
]

const hourly = (fromDollars: number, toDollars: number): CentsRange => [
  Math.round(fromDollars * 100),
  Math.round(toDollars * 100),
]

function site(
  key: string,
  name: string,
  address: readonly [line1: string, line2: string | null, city: string, state: string, zip: string],
  localTax: WorkSite['localTax'] = null,
): WorkSite {
  const [line1, line2, city, state, postalCode] = address
  return {
    key,
    localTax,
    location: {
      name,
      line1,
      line2,
      city,
      state,
      postal_code: postalCode,
      country: 'US',
      source_id: `LOC-${key.toUpperCase()}`,
    },
  }
}

const HARBORLINE_SITES: readonly WorkSite[] = [
  site('sf', 'San Francisco HQ', ['1455 Folsom St', 'Suite 400', 'San Francisco', 'CA', '94103']),
  site('nyc', 'New York Office', ['88 Pine St', 'Floor 12', 'New York', 'NY', '10005']),
  site(
    'phl',
    'Philadelphia Distribution Center',
    ['2301 Penrose Ave', null, 'Philadelphia', 'PA', '19145'],
    'philadelphia',
  ),
  site('atx', 'Austin Support Center', ['600 Congress Ave', 'Suite 1800', 'Austin', 'TX', '78701']),
  site('den', 'Denver Office', ['1601 Wewatta St', 'Suite 300', 'Denver', 'CO', '80202'], 'denver'),
]

const HARBORLINE_DIVISIONS: readonly DivisionProfile[] = [
  {
    department: 'Engineering',
    headTitle: 'VP of Engineering',
    headAnnualCents: yearly(232_000, 268_000),
    teams: [
      {
        department: 'Platform Engineering',
        leadTitle: 'Engineering Manager',
        leadAnnualCents: yearly(190_000, 215_000),
        memberTitles: [
          'Software Engineer',
          'Senior Software Engineer',
          'Staff Software Engineer',
          'Site Reliability Engineer',
        ],
        weight: 14,
        pay: { kind: 'salaried', annualCents: yearly(118_000, 192_000) },
        classCode: '8810',
        sites: ['sf', 'den', REMOTE_SITE],
      },
      {
        department: 'Mobile Engineering',
        leadTitle: 'Engineering Manager',
        leadAnnualCents: yearly(185_000, 210_000),
        memberTitles: ['iOS Engineer', 'Android Engineer', 'Senior Mobile Engineer'],
        weight: 6,
        pay: { kind: 'salaried', annualCents: yearly(121_000, 186_000) },
        classCode: '8810',
        sites: ['sf', REMOTE_SITE],
      },
      {
        department: 'Engineering',
        leadTitle: null,
        leadAnnualCents: yearly(0, 0),
        memberTitles: ['Contract QA Engineer'],
        weight: 1,
        pay: { kind: 'contractor', hourlyCents: hourly(55, 85) },
        classCode: null,
        sites: [REMOTE_SITE],
      },
    ],
  },
  {
    department: 'Operations',
    headTitle: 'VP of Operations',
    headAnnualCents: yearly(182_000, 214_000),
    teams: [
      {
        department: 'Warehouse',
        leadTitle: 'Warehouse Supervisor',
        leadAnnualCents: yearly(64_000, 78_000),
        memberTitles: [
          'Warehouse Associate',
          'Warehouse Associate',
          'Forklift Operator',
          'Inventory Clerk',
          'Shipping Coordinator',
        ],
        weight: 18,
        pay: { kind: 'hourly', hourlyCents: hourly(18.5, 29), partTimeShare: 0.15 },
        classCode: '8018',
        sites: ['phl'],
        union: { code: 'IBT', local: 'Local 830' },
      },
    ],
  },
  {
    department: 'Customer Support',
    headTitle: 'Director of Customer Support',
    headAnnualCents: yearly(138_000, 162_000),
    teams: [
      {
        department: 'Customer Support',
        leadTitle: 'Support Team Lead',
        leadAnnualCents: yearly(68_000, 82_000),
        memberTitles: ['Customer Support Specialist', 'Senior Support Specialist'],
        weight: 12,
        pay: { kind: 'hourly', hourlyCents: hourly(21, 31.5), partTimeShare: 0.2 },
        classCode: '8810',
        sites: ['atx'],
      },
    ],
  },
  {
    department: 'Sales',
    headTitle: 'VP of Sales',
    headAnnualCents: yearly(188_000, 226_000),
    teams: [
      {
        department: 'Sales',
        leadTitle: 'Sales Manager',
        leadAnnualCents: yearly(132_000, 158_000),
        memberTitles: [
          'Account Executive',
          'Senior Account Executive',
          'Sales Development Representative',
        ],
        weight: 10,
        pay: { kind: 'salaried', annualCents: yearly(58_000, 96_000) },
        commission: true,
        classCode: '8742',
        sites: ['nyc', 'atx', REMOTE_SITE],
      },
      {
        department: 'Account Management',
        leadTitle: 'Account Management Lead',
        leadAnnualCents: yearly(118_000, 136_000),
        memberTitles: ['Account Manager', 'Customer Success Manager'],
        weight: 5,
        pay: { kind: 'salaried', annualCents: yearly(71_000, 104_000) },
        commission: true,
        classCode: '8742',
        sites: ['nyc', 'atx'],
      },
    ],
  },
  {
    department: 'Product & Design',
    headTitle: 'Head of Product',
    headAnnualCents: yearly(201_000, 238_000),
    teams: [
      {
        department: 'Product & Design',
        leadTitle: null,
        leadAnnualCents: yearly(0, 0),
        memberTitles: ['Product Manager', 'Senior Product Designer', 'UX Researcher'],
        weight: 6,
        pay: { kind: 'salaried', annualCents: yearly(112_000, 174_000) },
        classCode: '8810',
        sites: ['sf', 'nyc'],
      },
    ],
  },
  {
    department: 'Marketing',
    headTitle: 'VP of Marketing',
    headAnnualCents: yearly(184_000, 219_000),
    teams: [
      {
        department: 'Marketing',
        leadTitle: null,
        leadAnnualCents: yearly(0, 0),
        memberTitles: [
          'Marketing Manager',
          'Content Strategist',
          'Growth Marketer',
          'Brand Designer',
        ],
        weight: 5,
        pay: { kind: 'salaried', annualCents: yearly(72_000, 131_000) },
        classCode: '8810',
        sites: ['sf', 'nyc', REMOTE_SITE],
      },
      {
        department: 'Marketing',
        leadTitle: null,
        leadAnnualCents: yearly(0, 0),
        memberTitles: ['Freelance Photographer', 'Contract Copywriter'],
        weight: 1.5,
        pay: { kind: 'contractor', hourlyCents: hourly(45, 90) },
        classCode: null,
        sites: [REMOTE_SITE],
      },
    ],
  },
  {
    department: 'Finance',
    headTitle: 'Controller',
    headAnnualCents: yearly(168_000, 198_000),
    teams: [
      {
        department: 'Accounting',
        leadTitle: 'Accounting Manager',
        leadAnnualCents: yearly(118_000, 138_000),
        memberTitles: [
          'Staff Accountant',
          'Payroll Specialist',
          'Accounts Payable Specialist',
          'Financial Analyst',
        ],
        weight: 5,
        pay: { kind: 'salaried', annualCents: yearly(68_000, 116_000) },
        classCode: '8810',
        sites: ['sf', REMOTE_SITE],
      },
    ],
  },
  {
    department: 'People Operations',
    headTitle: 'Head of People',
    headAnnualCents: yearly(164_000, 194_000),
    teams: [
      {
        department: 'People Operations',
        leadTitle: null,
        leadAnnualCents: yearly(0, 0),
        memberTitles: ['HR Generalist', 'Recruiter', 'People Operations Coordinator'],
        weight: 4,
        pay: { kind: 'salaried', annualCents: yearly(66_000, 112_000) },
        classCode: '8810',
        sites: ['sf', 'nyc'],
      },
    ],
  },
]

const RETIREMENT_AND_HEALTH = [
  '401k',
  '401k_roth',
  '401k_loan',
  's125_medical',
  's125_dental',
  's125_vision',
  'hsa_pre',
  'fsa_medical',
  'commuter',
  'custom_post_tax',
] as const

/** A national outdoor-gear retailer: HQ, offices, a support center and a unionised warehouse. */
export const HARBORLINE: CompanyProfile = {
  legalName: 'Harborline Outfitters, Inc.',
  shortName: 'Harborline',
  emailDomain: 'harborline.example',
  entity: { type: 'corporation', subtype: 'c_corporation' },
  executive: {
    title: 'Chief Executive Officer',
    department: 'Executive',
    annualCents: yearly(286_000, 338_000),
    site: 'sf',
  },
  divisions: HARBORLINE_DIVISIONS,
  sites: HARBORLINE_SITES,
  bankName: 'Bayline Commerce Bank',
  payGroupNames: { bi_weekly: 'Biweekly Hourly', semi_monthly: 'Semimonthly Salaried' },
  benefits: RETIREMENT_AND_HEALTH,
}

/** The same shape of business at any size, for the scale scenario. */
export const MERIDIAN: CompanyProfile = {
  ...HARBORLINE,
  legalName: 'Meridian Freight & Fulfillment, Inc.',
  shortName: 'Meridian',
  emailDomain: 'meridianfreight.example',
  bankName: 'Prairie Ledger Bank',
  payGroupNames: { bi_weekly: 'All Employees Biweekly', semi_monthly: 'Semimonthly' },
}

/** A neighbourhood bakery whose owner runs payroll for one employee. */
export const JUNIPER_LANE: CompanyProfile = {
  legalName: 'Juniper Lane Bakery LLC',
  shortName: 'Juniper Lane',
  emailDomain: 'juniperlanebakery.example',
  entity: { type: 'llc', subtype: null },
  executive: {
    title: 'Head Baker',
    department: 'Bakery',
    annualCents: yearly(56_000, 62_000),
    site: 'shop',
  },
  divisions: [],
  sites: [site('shop', 'Bakery', ['412 Foster St', null, 'Durham', 'NC', '27701'])],
  bankName: 'Piedmont Hearth Credit Union',
  payGroupNames: { bi_weekly: 'Biweekly', semi_monthly: 'Semimonthly' },
  benefits: ['simple_ira'],
}

/** A dental group on an assisted (Finch-operated) connection. */
export const CEDAR_AND_PINE: CompanyProfile = {
  legalName: 'Cedar & Pine Dental Group, PLLC',
  shortName: 'Cedar & Pine',
  emailDomain: 'cedarpinedental.example',
  entity: { type: 'llc', subtype: null },
  executive: {
    title: 'Practice Owner, DDS',
    department: 'Clinical',
    annualCents: yearly(262_000, 298_000),
    site: 'chi',
  },
  divisions: [
    {
      department: 'Clinical',
      headTitle: 'Practice Director',
      headAnnualCents: yearly(128_000, 146_000),
      teams: [
        {
          department: 'Hygiene',
          leadTitle: 'Lead Hygienist',
          leadAnnualCents: yearly(98_000, 108_000),
          memberTitles: ['Dental Hygienist'],
          weight: 5,
          pay: { kind: 'hourly', hourlyCents: hourly(42, 55), partTimeShare: 0.3 },
          classCode: '8832',
          sites: ['chi', 'evn'],
        },
        {
          department: 'Clinical',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Associate Dentist'],
          weight: 2,
          pay: { kind: 'salaried', annualCents: yearly(168_000, 212_000) },
          classCode: '8832',
          sites: ['chi', 'evn'],
        },
        {
          department: 'Clinical',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Dental Assistant'],
          weight: 5,
          pay: { kind: 'hourly', hourlyCents: hourly(22, 30), partTimeShare: 0.2 },
          classCode: '8832',
          sites: ['chi', 'evn'],
        },
      ],
    },
    {
      department: 'Front Office',
      headTitle: 'Office Manager',
      headAnnualCents: yearly(68_000, 79_000),
      teams: [
        {
          department: 'Front Office',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Front Desk Coordinator', 'Billing Specialist', 'Insurance Coordinator'],
          weight: 4,
          pay: { kind: 'hourly', hourlyCents: hourly(20, 26.5), partTimeShare: 0.25 },
          classCode: '8810',
          sites: ['chi', 'evn'],
        },
      ],
    },
  ],
  sites: [
    site('chi', 'Lincoln Park Office', ['2340 N Clark St', 'Suite 2', 'Chicago', 'IL', '60614']),
    site('evn', 'Evanston Office', ['1601 Sherman Ave', null, 'Evanston', 'IL', '60201']),
  ],
  bankName: 'Lakefront Ledger Bank',
  payGroupNames: { bi_weekly: 'Hourly Staff', semi_monthly: 'Salaried Staff' },
  benefits: ['401k', 's125_medical', 's125_dental', 's125_vision', 'fsa_medical'],
}

/** A regional trucking firm whose provider later asks the employer to log in again. */
export const BRIGHTWATER: CompanyProfile = {
  legalName: 'Brightwater Logistics Co.',
  shortName: 'Brightwater',
  emailDomain: 'brightwaterlogistics.example',
  entity: { type: 'corporation', subtype: 's_corporation' },
  executive: {
    title: 'President',
    department: 'Management',
    annualCents: yearly(182_000, 214_000),
    site: 'yard',
  },
  divisions: [
    {
      department: 'Dispatch',
      headTitle: 'Dispatch Manager',
      headAnnualCents: yearly(78_000, 92_000),
      teams: [
        {
          department: 'Dispatch',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Dispatcher', 'Logistics Coordinator'],
          weight: 3,
          pay: { kind: 'hourly', hourlyCents: hourly(22, 28), partTimeShare: 0 },
          classCode: '7380',
          sites: ['yard'],
        },
        {
          department: 'Drivers',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['CDL Driver', 'Delivery Driver'],
          weight: 6,
          pay: { kind: 'hourly', hourlyCents: hourly(24, 34), partTimeShare: 0.1 },
          classCode: '7219',
          sites: ['yard'],
        },
      ],
    },
  ],
  sites: [
    site('yard', 'Round Rock Yard', ['1900 Gattis School Rd', null, 'Round Rock', 'TX', '78664']),
  ],
  bankName: 'Hill Country Ledger Bank',
  payGroupNames: { bi_weekly: 'Drivers & Dispatch', semi_monthly: 'Office' },
  benefits: ['401k', 's125_medical'],
}

/** A freshly connected company that has not hired or paid anyone yet. */
export const NORTHWIND: CompanyProfile = {
  legalName: 'Northwind Labs, Inc.',
  shortName: 'Northwind',
  emailDomain: 'northwindlabs.example',
  entity: { type: 'corporation', subtype: 'c_corporation' },
  executive: {
    title: 'Founder',
    department: 'Executive',
    annualCents: yearly(0, 0),
    site: 'office',
  },
  divisions: [],
  sites: [site('office', 'Office', ['77 Summer St', 'Floor 8', 'Boston', 'MA', '02110'])],
  bankName: 'Harbor Ledger Savings',
  payGroupNames: { bi_weekly: 'Biweekly', semi_monthly: 'Semimonthly' },
  benefits: [],
}

/**
 * A food distributor with steady pay and no contractors or commissions, so the problems the
 * discrepancies scenario plants are the only irregular things in its payroll.
 */
export const TIDEWATER: CompanyProfile = {
  legalName: 'Tidewater Provisions, Inc.',
  shortName: 'Tidewater',
  emailDomain: 'tidewaterprovisions.example',
  entity: { type: 'corporation', subtype: 's_corporation' },
  executive: {
    title: 'Chief Executive Officer',
    department: 'Executive',
    annualCents: yearly(198_000, 236_000),
    site: 'phl',
  },
  divisions: [
    {
      department: 'Operations',
      headTitle: 'Director of Operations',
      headAnnualCents: yearly(142_000, 168_000),
      teams: [
        {
          department: 'Warehouse',
          leadTitle: 'Warehouse Supervisor',
          leadAnnualCents: yearly(66_000, 79_000),
          memberTitles: ['Warehouse Associate', 'Forklift Operator', 'Inventory Clerk'],
          weight: 10,
          pay: { kind: 'hourly', hourlyCents: hourly(19, 27.5), partTimeShare: 0.1 },
          classCode: '8018',
          sites: ['phl'],
          union: { code: 'UFCW', local: 'Local 1776' },
        },
        {
          department: 'Routes',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Delivery Driver', 'Route Planner'],
          weight: 4,
          pay: { kind: 'hourly', hourlyCents: hourly(23, 31), partTimeShare: 0 },
          classCode: '7219',
          sites: ['phl', 'den'],
        },
      ],
    },
    {
      department: 'Customer Service',
      headTitle: 'Customer Service Manager',
      headAnnualCents: yearly(92_000, 108_000),
      teams: [
        {
          department: 'Customer Service',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Order Desk Specialist', 'Customer Service Representative'],
          weight: 4,
          pay: { kind: 'hourly', hourlyCents: hourly(20, 26), partTimeShare: 0.15 },
          classCode: '8810',
          sites: ['atx'],
        },
      ],
    },
    {
      department: 'Finance & Administration',
      headTitle: 'Controller',
      headAnnualCents: yearly(146_000, 172_000),
      teams: [
        {
          department: 'Finance & Administration',
          leadTitle: null,
          leadAnnualCents: yearly(0, 0),
          memberTitles: ['Staff Accountant', 'Payroll Specialist', 'Buyer', 'Account Manager'],
          weight: 6,
          pay: { kind: 'salaried', annualCents: yearly(62_000, 112_000) },
          classCode: '8810',
          sites: ['phl', 'den', REMOTE_SITE],
        },
      ],
    },
  ],
  sites: [
    site(
      'phl',
      'Philadelphia Distribution Center',
      ['4100 S 26th St', null, 'Philadelphia', 'PA', '19112'],
      'philadelphia',
    ),
    site('den', 'Denver Depot', ['5200 Smith Rd', 'Dock 3', 'Denver', 'CO', '80216'], 'denver'),
    site('atx', 'Austin Order Desk', ['815 Brazos St', 'Suite 600', 'Austin', 'TX', '78701']),
  ],
  bankName: 'Delaware Valley Ledger Bank',
  payGroupNames: { bi_weekly: 'Hourly Biweekly', semi_monthly: 'Salaried Semimonthly' },
  benefits: ['401k', '401k_roth', 's125_medical', 's125_dental', 's125_vision', 'hsa_pre'],
}
