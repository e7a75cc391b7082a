/**
 * Every place the sandbox deliberately answers something Finch's January 2024 OpenAPI files do
 * not describe, with the reason. Almost all are fields the official SDK (`@tryfinch/finch-api`,
 * newer than the YAML) declares; the YAML is amended before validation so the rest of it still
 * binds. A deviation that is not listed here fails the contract tests.
 */
const SDK = '@tryfinch/finch-api 10.7'

export type SchemaAmendment = {
  /** `file#/json/pointer` of the YAML node to change. */
  readonly at: string
  readonly reason: string
} & (
  | {
      readonly change: 'add-properties'
      readonly properties: Record<string, unknown>
      /** Added properties an answer may leave out, as the SDK marks them `?`. */
      readonly optional?: readonly string[]
    }
  | { readonly change: 'allow-null' }
  | { readonly change: 'optional-properties'; readonly properties: readonly string[] }
  | { readonly change: 'add-enum-values'; readonly values: readonly unknown[] }
  | { readonly change: 'replace'; readonly schema: Record<string, unknown> }
)

/** Errors in deliberately unusual data that a schema check would otherwise report. */
export interface DataAllowance {
  /** Only in this scenario's data; every scenario when absent. */
  readonly scenario?: string
  /** `METHOD /yaml/template`. */
  readonly endpoint: string
  readonly instancePath: RegExp
  readonly keyword: string
  readonly values: readonly unknown[]
  readonly reason: string
}

/** An answer whose status the YAML does not document, validated against another schema. */
export interface StatusStandIn {
  readonly endpoints: readonly RegExp[]
  readonly status: number
  readonly schema: string
  readonly reason: string
}

function encodePointerPart(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1')
}

function schema(file: string, name: string, rest = ''): string {
  return `${file}#/components/schemas/${name}${rest}`
}

function response(file: string, method: string, path: string, status: number, rest = ''): string {
  return (
    `${file}#/paths/${encodePointerPart(path)}/${method.toLowerCase()}/responses/${status}` +
    `/content/application~1json/schema${rest}`
  )
}

const nullableString = { type: 'string', nullable: true }
const nullableBoolean = { type: 'boolean', nullable: true }
const errorRef = { $ref: '#/components/schemas/Error' }
const BATCH_ITEM = '/properties/responses/items'
const TIERED_CONTRIBUTION = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['tiered'] },
    tiers: {
      type: 'array',
      items: {
        type: 'object',
        properties: { match: { type: 'integer' }, threshold: { type: 'integer' } },
      },
    },
  },
}

/**
 * A batch item, `{ <id>, code, body }`: the body is the success schema when `code` is 200 and
 * Finch's error body otherwise, as Finch answers each item on its own inside a 200.
 */
function batchItem(idName: string, success: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'object',
    properties: { [idName]: { type: 'string' }, code: { type: 'integer' }, body: {} },
    if: { 'x-open': true, properties: { code: { enum: [200] } } },
    then: { 'x-open': true, properties: { body: success } },
    else: { 'x-open': true, properties: { body: errorRef } },
  }
}

const PAY_FREQUENCIES = [
  'annually',
  'bi_weekly',
  'daily',
  'monthly',
  'other',
  'quarterly',
  'semi_annually',
  'semi_monthly',
  'weekly',
]

const EMPLOYER_AMENDMENTS: readonly SchemaAmendment[] = [
  {
    at: schema('employer.yaml', 'Error'),
    change: 'optional-properties',
    properties: ['finch_code'],
    reason: `Finch leaves finch_code out when it has none; ${SDK} types it finch_code?: string.`,
  },
  {
    at: schema('employer.yaml', 'Location'),
    change: 'add-properties',
    properties: { name: nullableString, source_id: nullableString },
    optional: ['name', 'source_id'],
    reason: `${SDK} Location has optional name and source_id: a work site's name and its id.`,
  },
  {
    at: schema('employer.yaml', 'IndividualWithoutId'),
    change: 'add-properties',
    properties: {
      marital_status: {
        type: 'string',
        nullable: true,
        enum: ['single', 'married', 'divorced', 'widowed', 'domestic_partner', 'unknown'],
      },
    },
    reason: `${SDK} Individual.IndividualResponseBody has marital_status.`,
  },
  {
    at: schema('employer.yaml', 'EmploymentWithoutId'),
    change: 'add-properties',
    properties: {
      employment_status: {
        type: 'string',
        nullable: true,
        enum: ['active', 'deceased', 'leave', 'onboarding', 'prehire', 'retired', 'terminated'],
      },
      flsa_status: { type: 'string', nullable: true, enum: ['exempt', 'non_exempt', 'unknown'] },
      highly_compensated_employee: nullableBoolean,
      key_employee: nullableBoolean,
      latest_rehire_date: nullableString,
      union_code: nullableString,
      union_local: nullableString,
    },
    reason:
      `${SDK} EmploymentDataResponseBody has employment_status, flsa_status, the IRS ` +
      'highly compensated and key employee flags, latest_rehire_date and the union fields.',
  },
  {
    at: schema('employer.yaml', 'EmploymentWithoutId', '/properties/custom_fields'),
    change: 'allow-null',
    reason: `${SDK} EmploymentDataResponseBody.custom_fields may be null.`,
  },
  {
    at: response('employer.yaml', 'POST', '/employer/individual', 200, BATCH_ITEM),
    change: 'replace',
    schema: batchItem('individual_id', { $ref: '#/components/schemas/Individual' }),
    reason: `An item fails on its own with Finch's error body; ${SDK}: Individual | BatchError.`,
  },
  {
    at: response('employer.yaml', 'POST', '/employer/employment', 200, BATCH_ITEM),
    change: 'replace',
    schema: batchItem('individual_id', { $ref: '#/components/schemas/Employment' }),
    reason: `An item fails on its own with Finch's error body; ${SDK}: EmploymentData | BatchError.`,
  },
  {
    at: response('employer.yaml', 'GET', '/employer/payment', 200, '/items'),
    change: 'add-properties',
    properties: {
      pay_frequencies: {
        type: 'array',
        nullable: true,
        items: { type: 'string', enum: PAY_FREQUENCIES },
      },
      pay_group_ids: { type: 'array', nullable: true, items: { type: 'string' } },
    },
    reason: `${SDK} Payment has pay_frequencies and pay_group_ids, which came with pay groups.`,
  },
  {
    at: schema('employer.yaml', 'PayStatement', '/properties/payment_method'),
    change: 'add-enum-values',
    values: ['other'],
    reason: `${SDK} PayStatement.payment_method also allows 'other'.`,
  },
  {
    at: response('employer.yaml', 'POST', '/employer/pay-statement', 200, BATCH_ITEM),
    change: 'replace',
    schema: batchItem('payment_id', {
      type: 'object',
      properties: {
        paging: { $ref: '#/components/schemas/Paging' },
        pay_statements: { type: 'array', items: { $ref: '#/components/schemas/PayStatement' } },
      },
    }),
    reason:
      'A payment fails on its own with 404 payment_not_found, or 202 data_sync_in_progress ' +
      `while Finch still fetches it; ${SDK}: PayStatementData | BatchError | ` +
      'PayStatementDataSyncInProgress, the last two in the error body.',
  },
  {
    at: schema('employer.yaml', 'CompanyBenefit'),
    change: 'add-properties',
    properties: {
      company_contribution: {
        type: 'object',
        nullable: true,
        properties: {
          type: { type: 'string', enum: ['match'] },
          tiers: {
            type: 'array',
            items: {
              type: 'object',
              properties: { match: { type: 'integer' }, threshold: { type: 'integer' } },
            },
          },
        },
      },
    },
    reason: `${SDK} CompanyBenefit has company_contribution, the employer match and its tiers.`,
  },
  {
    at: schema('employer.yaml', 'IndividualBenefits', '/items'),
    change: 'replace',
    schema: batchItem('individual_id', {
      type: 'object',
      properties: {
        employee_deduction: { $ref: '#/components/schemas/BenefitContribution' },
        company_contribution: {
          if: { 'x-open': true, type: 'object', properties: { type: { enum: ['tiered'] } } },
          then: TIERED_CONTRIBUTION,
          else: { $ref: '#/components/schemas/BenefitContribution' },
        },
        annual_maximum: { type: 'integer', nullable: true },
        catch_up: nullableBoolean,
        hsa_contribution_limit: {
          type: 'string',
          nullable: true,
          enum: ['individual', 'family'],
        },
      },
      'x-optional': ['hsa_contribution_limit'],
    }),
    reason:
      `${SDK} IndividualBenefit: the company contribution may also be 'tiered' (a match ` +
      'schedule), hsa_contribution_limit is optional (HSAs only), and an item fails on its ' +
      "own with Finch's error body.",
  },
  {
    at: response('management.yaml', 'POST', '/jobs/automated', 400),
    change: 'replace',
    schema: { $ref: '#/components/schemas/Error' },
    reason:
      "Finch's one error body (code, name, finch_code, message) as on every other endpoint, " +
      "not this example's statusCode and status, which neither FINCH.md nor the SDK know.",
  },
  {
    at: schema('management.yaml', 'Error'),
    change: 'optional-properties',
    properties: ['finch_code'],
    reason: `Finch leaves finch_code out when it has none; ${SDK} types it finch_code?: string.`,
  },
]

const CONNECTION_STATUS = [
  'pending',
  'processing',
  'connected',
  'error_no_account_setup',
  'error_permissions',
  'reauth',
]

const MANAGEMENT_AMENDMENTS: readonly SchemaAmendment[] = [
  {
    at: response('management.yaml', 'GET', '/introspect', 200),
    change: 'add-properties',
    properties: {
      id: { type: 'string' },
      connection_id: { type: 'string' },
      connection_status: {
        type: 'object',
        properties: {
          status: { type: 'string', enum: CONNECTION_STATUS },
          last_successful_sync: nullableString,
          message: { type: 'string' },
        },
      },
      provider_id: { type: 'string' },
      customer_id: nullableString,
      customer_name: nullableString,
      customer_email: nullableString,
      entities: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string' },
            name: nullableString,
            source_id: nullableString,
            status: { type: 'string', enum: [...CONNECTION_STATUS, 'disconnected'] },
          },
        },
      },
    },
    reason:
      `${SDK} Introspection: id (the token's), connection_id, connection_status, provider_id, ` +
      'the customer fields and the entities of a multi-entity connection.',
  },
  {
    at: response(
      'management.yaml',
      'GET',
      '/introspect',
      200,
      '/properties/authentication_methods/items',
    ),
    change: 'add-properties',
    properties: { products: { type: 'array', items: { type: 'string' } } },
    reason: `${SDK} Introspection.AuthenticationMethod lists the products of each method.`,
  },
  {
    at: response(
      'management.yaml',
      'GET',
      '/introspect',
      200,
      '/properties/authentication_methods/items/properties/connection_status',
    ),
    change: 'add-properties',
    properties: { last_successful_sync: nullableString },
    reason: `${SDK} AuthenticationMethod.ConnectionStatus has last_successful_sync.`,
  },
  {
    at: response('management.yaml', 'GET', '/providers', 200, '/items'),
    change: 'add-properties',
    properties: { beta: { type: 'boolean' } },
    reason: `${SDK} ProviderListResponse has beta.`,
  },
  {
    at: response('management.yaml', 'GET', '/providers', 200, '/items'),
    change: 'optional-properties',
    properties: ['category', 'icon', 'logo'],
    reason:
      `${SDK} ProviderListResponse has no category and marks icon and logo optional; the ` +
      'sandbox providers have no artwork to link to.',
  },
  {
    at: schema('management.yaml', 'AuthenticationMethod'),
    change: 'optional-properties',
    properties: ['benefits_support', 'supported_fields'],
    reason: `${SDK} Provider.AuthenticationMethod marks benefits_support and supported_fields optional.`,
  },
  {
    at: schema('management.yaml', 'AutomatedAsyncJob'),
    change: 'add-properties',
    properties: {
      params: {
        type: 'object',
        nullable: true,
        properties: { individual_id: { type: 'string' } },
      },
    },
    reason: `${SDK} AutomatedAsyncJob has params (the individual of a W-4 sync; null otherwise).`,
  },
  {
    at: schema('management.yaml', 'AutomatedAsyncJob', '/properties/type'),
    change: 'add-enum-values',
    values: ['w4_form_employee_sync'],
    reason: `${SDK} AutomatedAsyncJob.type also allows w4_form_employee_sync.`,
  },
  {
    at: response('management.yaml', 'GET', '/jobs/automated', 200),
    change: 'optional-properties',
    properties: [''],
    reason:
      "The YAML names an empty-named paging property, a documentation slip; the SDK's " +
      'AutomatedListResponse has only data and meta.',
  },
]

export const SCHEMA_AMENDMENTS: readonly SchemaAmendment[] = [
  ...EMPLOYER_AMENDMENTS,
  ...MANAGEMENT_AMENDMENTS,
]

export const DATA_ALLOWANCES: readonly DataAllowance[] = [
  {
    scenario: 'hostile',
    endpoint: 'POST /employer/pay-statement',
    instancePath: /^\/responses\/\d+\/body\/pay_statements\/\d+\/earnings\/\d+\/type$/,
    keyword: 'enum',
    values: ['retro_pay'],
    reason:
      'The hostile company carries one earning type Finch has not documented, on purpose: new ' +
      'enum values appear without notice and the app must survive them.',
  },
]

export const STATUS_STAND_INS: readonly StatusStandIn[] = [
  {
    endpoints: [/^(GET|POST) \/employer\//],
    status: 202,
    schema: schema('employer.yaml', 'Error'),
    reason:
      'An assisted connection answers 202 with the error body (finch_code ' +
      'data_sync_in_progress) until its data is ready; the YAML documents no 202.',
  },
  {
    endpoints: [/^GET \/employer\/benefits\/\{benefit_id\}\/individuals$/],
    status: 200,
    schema: response('employer.yaml', 'GET', '/employer/benefits/{benefit_id}/individuals', 207),
    reason:
      'The YAML documents only 207 Multi-Status; the sandbox answers 200 when every item ' +
      'succeeded and 207 when one failed, with the same body.',
  },
]

/** Endpoints the app uses that the YAML files do not describe, and what checks them instead. */
export const UNDOCUMENTED_ENDPOINTS: Readonly<Record<string, string>> = {
  'POST /connect/sessions': `Newer than the YAML; ${SDK} SessionNewResponse, checked by the SDK round trip.`,
  'POST /connect/sessions/reauthenticate': `Newer than the YAML; ${SDK} SessionReauthenticateResponse.`,
  'POST /auth/token': `Not in the YAML files; ${SDK} CreateAccessTokenResponse.`,
  'GET /employer/pay-groups': `Newer than the YAML; ${SDK} PayGroupListResponse.`,
  'GET /employer/pay-groups/{pay_group_id}': `Newer than the YAML; ${SDK} PayGroupRetrieveResponse.`,
}
