/**
 * The contract checker itself: it must load Finch's YAML or say clearly why it cannot, and it
 * must catch the mistakes it exists for, or the scenario contract tests would pass for nothing.
 */
import { describe, expect, it } from 'vitest'

import { SCHEMA_AMENDMENTS, STATUS_STAND_INS, UNDOCUMENTED_ENDPOINTS } from './finch-deviations'
import { ERROR_SCHEMA, type Exchange, FinchOpenApi, OPENAPI_FOLDER } from './finch-openapi'

const openApi = new FinchOpenApi()

const company = {
  id: 'c0000000-0000-4000-8000-000000000001',
  legal_name: 'Checked Co',
  entity: { type: 'llc', subtype: null },
  ein: '12-3456789',
  primary_email: null,
  primary_phone_number: null,
  departments: [{ name: 'Ops', parent: null }],
  locations: null,
  accounts: null,
}

function companyAnswer(body: unknown): Exchange {
  return { method: 'GET', path: '/employer/company', status: 200, body }
}

function problemsOf(exchange: Exchange, scenario?: string): string[] {
  const check = openApi.check(exchange, scenario)
  return check.outcome === 'invalid' ? check.problems : []
}

describe('the Finch OpenAPI contract checker', () => {
  it('reads the YAML from the shared folder beside the repository', () => {
    expect(OPENAPI_FOLDER).toMatch(/[\\/]shared[\\/]finch-openapi$/)
  })

  it('fails with a clear message when the YAML folder is missing', () => {
    const load = () => new FinchOpenApi({ folder: '/nonexistent/shared/finch-openapi' })

    expect(load).toThrow(/Finch's OpenAPI files are missing: expected them in \/nonexistent/)
  })

  it('accepts a company shaped as Finch documents it', () => {
    expect(openApi.check(companyAnswer(company))).toEqual({
      outcome: 'valid',
      schema:
        'employer.yaml#/paths/~1employer~1company/get/responses/200/content/application~1json/schema',
    })
  })

  it.each([
    ['a missing field', { ...company, ein: undefined }, /must have required property 'ein'/],
    ['an undeclared field', { ...company, tax_id: '1' }, /additionalProperty: "tax_id"/],
    ['null where the YAML forbids it', { ...company, id: null }, /\/id must be string/],
    [
      'a value outside an enum',
      { ...company, entity: { type: 'trust', subtype: null } },
      /entity\/type must be equal to one of/,
    ],
    [
      'a wrong type inside an array',
      { ...company, departments: [{ name: 7, parent: null }] },
      /\/departments\/0\/name/,
    ],
  ])('reports %s', (_case, body, problem) => {
    const answer = JSON.parse(JSON.stringify(body)) as unknown

    expect(problemsOf(companyAnswer(answer)).join('\n')).toMatch(problem)
  })

  it('checks a batch item’s body as data when its code is 200 and as an error otherwise', () => {
    const errorBody = {
      code: 404,
      name: 'not_found_error',
      finch_code: 'individual_not_found',
      message: 'x',
    }
    const answer = (code: number, body: unknown): Exchange => ({
      method: 'POST',
      path: '/employer/individual',
      status: 200,
      body: { responses: [{ individual_id: 'a', code, body }] },
    })

    expect(problemsOf(answer(404, errorBody))).toEqual([])
    expect(problemsOf(answer(200, errorBody)).length).toBeGreaterThan(0)
    expect(problemsOf(answer(404, { ...errorBody, finch_code: null })).join('\n')).toMatch(
      /finch_code must be string/,
    )
  })

  it('allows the hostile company’s undocumented earning type there and nowhere else', () => {
    const statement = {
      individual_id: 'a',
      type: 'regular_payroll',
      payment_method: 'check',
      total_hours: null,
      gross_pay: { amount: 1, currency: 'usd' },
      net_pay: { amount: 1, currency: 'usd' },
      earnings: [{ type: 'retro_pay', name: 'Retro', amount: 1, currency: 'usd', hours: null }],
      taxes: [],
      employee_deductions: [],
      employer_contributions: [],
    }
    const answer: Exchange = {
      method: 'POST',
      path: '/employer/pay-statement',
      status: 200,
      body: {
        responses: [
          {
            payment_id: 'p',
            code: 200,
            body: { paging: { count: 1, offset: 0 }, pay_statements: [statement] },
          },
        ],
      },
    }

    expect(problemsOf(answer, 'hostile')).toEqual([])
    expect(problemsOf(answer, 'largeco').join('\n')).toMatch(
      /earnings\/0\/type must be equal to one of/,
    )
  })

  it('checks errors an operation does not list against Finch’s one error body', () => {
    const check = openApi.check({
      method: 'GET',
      path: '/employer/company',
      status: 401,
      body: { code: 401, name: 'invalid_token_error', message: 'No.' },
    })

    expect(check).toEqual({ outcome: 'valid', schema: ERROR_SCHEMA })
    expect(openApi.errorProblems({ code: 401, name: 'x' }).join('\n')).toMatch(/'message'/)
  })

  it('names the contract of each endpoint the YAML does not describe', () => {
    const check = openApi.check({ method: 'POST', path: '/auth/token', status: 200, body: {} })

    expect(check).toMatchObject({ outcome: 'undocumented', endpoint: 'POST /auth/token' })
    expect(() =>
      openApi.check({ method: 'GET', path: '/employer/salaries', status: 200, body: {} }),
    ).toThrow(/neither in the YAML nor allow-listed/)
  })

  it('gives every deliberate deviation a reason', () => {
    const reasons = [
      ...SCHEMA_AMENDMENTS.map((amendment) => amendment.reason),
      ...STATUS_STAND_INS.map((standIn) => standIn.reason),
      ...Object.values(UNDOCUMENTED_ENDPOINTS),
    ]

    expect(reasons.every((reason) => reason.length > 30)).toBe(true)
  })
})
