/**
 * Finch's OpenAPI files (the January 2024 snapshot in `shared/finch-openapi/`) as validators for
 * what the sandbox answers. OpenAPI 3.0 schemas are turned into JSON Schema for Ajv: `nullable`
 * becomes a `null` type, `$ref`s point into the same file's schemas, `allOf` is merged, and
 * every object is closed: each property the YAML declares must be present (Finch sends `null`
 * rather than leaving a field out) and no undeclared property may appear. Where the official SDK
 * is newer than the YAML, `finch-deviations.ts` amends the YAML first, each change with a reason.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'

import {
  type DataAllowance,
  DATA_ALLOWANCES,
  SCHEMA_AMENDMENTS,
  type SchemaAmendment,
  STATUS_STAND_INS,
  UNDOCUMENTED_ENDPOINTS,
} from './finch-deviations'

const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..')

/** In CI a copy of `shared/` sits beside the clone; on a workstation it is the shared folder. */
export const OPENAPI_FOLDER = resolve(REPO_ROOT, '..', 'shared', 'finch-openapi')

/** The files that describe endpoints the app reads; `async-deductions.yaml` only writes. */
const OPENAPI_FILES = ['employer.yaml', 'management.yaml'] as const
export type OpenApiFile = (typeof OPENAPI_FILES)[number]

/** The schema Finch's error bodies follow, on every endpoint, per FINCH.md. */
export const ERROR_SCHEMA = 'employer.yaml#/components/schemas/Error'

type Node = Record<string, unknown>
type JsonSchema = Record<string, unknown>

export interface Exchange {
  readonly method: string
  /** The path without its query string. */
  readonly path: string
  readonly status: number
  readonly body: unknown
}

export type ExchangeCheck =
  | { readonly outcome: 'valid'; readonly schema: string }
  | { readonly outcome: 'invalid'; readonly schema: string; readonly problems: string[] }
  /** Not in the YAML; `reason` says which contract covers it instead. */
  | { readonly outcome: 'undocumented'; readonly endpoint: string; readonly reason: string }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function loadDocuments(folder: string): Map<OpenApiFile, Node> {
  if (!existsSync(folder)) {
    throw new Error(
      `Finch's OpenAPI files are missing: expected them in ${folder} ` +
        '(the shared/finch-openapi folder, which CI places beside the repository clone). ' +
        'The contract tests cannot run without them.',
    )
  }
  return new Map(
    OPENAPI_FILES.map((file) => {
      const path = resolve(folder, file)
      if (!existsSync(path)) throw new Error(`Finch's OpenAPI file ${path} is missing`)
      return [file, parse(readFileSync(path, 'utf8')) as Node]
    }),
  )
}

function decodePointer(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
}

function encodePointerPart(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1')
}

/** `employer.yaml#/components/schemas/Location` → the node, or an error naming what is missing. */
function nodeAt(documents: Map<OpenApiFile, Node>, location: string): Node {
  const [file, pointer = ''] = location.split('#') as [OpenApiFile, string?]
  let node: unknown = documents.get(file)
  for (const part of decodePointer(pointer)) {
    node = isNode(node) ? node[part] : undefined
  }
  if (!isNode(node)) throw new Error(`The OpenAPI files have nothing at ${location}`)
  return node
}

function applyAmendment(documents: Map<OpenApiFile, Node>, amendment: SchemaAmendment): void {
  const node = nodeAt(documents, amendment.at)
  switch (amendment.change) {
    case 'add-properties': {
      const properties = isNode(node.properties) ? node.properties : {}
      for (const name of Object.keys(amendment.properties)) {
        if (name in properties) throw new Error(`${amendment.at} already declares ${name}`)
      }
      node.properties = { ...properties, ...amendment.properties }
      const optional = amendment.optional ?? []
      node['x-optional'] = [...((node['x-optional'] as string[]) ?? []), ...optional]
      return
    }
    case 'optional-properties': {
      const declared = isNode(node.properties) ? Object.keys(node.properties) : []
      for (const name of amendment.properties) {
        if (!declared.includes(name)) throw new Error(`${amendment.at} declares no ${name}`)
      }
      node['x-optional'] = [...((node['x-optional'] as string[]) ?? []), ...amendment.properties]
      return
    }
    case 'allow-null':
      node.nullable = true
      return
    case 'add-enum-values': {
      if (!Array.isArray(node.enum)) throw new Error(`${amendment.at} has no enum`)
      node.enum = [...node.enum, ...amendment.values]
      return
    }
    case 'replace':
      for (const key of Object.keys(node)) delete node[key]
      Object.assign(node, structuredClone(amendment.schema))
      return
  }
}

class SchemaConverter {
  constructor(
    private readonly documents: Map<OpenApiFile, Node>,
    private readonly file: OpenApiFile,
  ) {}

  convert(node: Node): JsonSchema {
    if (typeof node.$ref === 'string') {
      const ref = { $ref: this.refTarget(node.$ref) }
      return node.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref
    }
    if (Array.isArray(node.allOf)) return this.convert(this.mergeAllOf(node))

    const schema: JsonSchema = {}
    for (const key of ['type', 'enum', 'pattern', 'format', 'minimum', 'maximum']) {
      if (node[key] !== undefined) schema[key] = structuredClone(node[key])
    }
    for (const key of ['if', 'then', 'else'] as const) {
      if (isNode(node[key])) schema[key] = this.convert(node[key])
    }
    // `x-open` marks the amendments' condition schemas, which must not close the object.
    if (isNode(node.properties) && node['x-open'] === true) {
      schema.properties = Object.fromEntries(
        Object.entries(node.properties).map(([name, value]) => [name, this.convert(value as Node)]),
      )
    } else if (isNode(node.properties)) {
      const properties = Object.entries(node.properties).filter(([, value]) => isNode(value))
      const optional = new Set((node['x-optional'] as string[] | undefined) ?? [])
      schema.properties = Object.fromEntries(
        properties.map(([name, value]) => [name, this.convert(value as Node)]),
      )
      schema.required = properties.map(([name]) => name).filter((name) => !optional.has(name))
      schema.additionalProperties = false
    }
    if (isNode(node.items)) schema.items = this.convert(node.items)
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(node[key])) schema[key] = (node[key] as Node[]).map((n) => this.convert(n))
    }
    if (node.nullable === true) allowNull(schema)
    return schema
  }

  /** `#/components/schemas/X` of this file, as Ajv knows it once the file is registered. */
  private refTarget(ref: string): string {
    const match = /^#\/components\/schemas\/([^/]+)$/.exec(ref)
    if (!match) throw new Error(`Unsupported $ref ${ref} in ${this.file}`)
    return `${this.file}#/definitions/${match[1]}`
  }

  private resolve(node: Node): Node {
    if (typeof node.$ref !== 'string') return node
    return nodeAt(this.documents, `${this.file}${node.$ref}`)
  }

  /** Finch's `allOf`s combine object schemas (an id and the rest); they merge into one. */
  private mergeAllOf(node: Node): Node {
    const { allOf, ...rest } = node
    const merged: Node = { ...rest, type: 'object', properties: {}, 'x-optional': [] }
    for (const part of allOf as Node[]) {
      const member = this.resolve(part)
      const flat = Array.isArray(member.allOf) ? this.mergeAllOf(member) : member
      Object.assign(merged.properties as Node, flat.properties ?? {})
      ;(merged['x-optional'] as string[]).push(...((flat['x-optional'] as string[]) ?? []))
      if (flat.nullable === true) merged.nullable = true
    }
    return merged
  }
}

function allowNull(schema: JsonSchema): void {
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null']
  else if (Array.isArray(schema.type) && !schema.type.includes('null')) schema.type.push('null')
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null)
}

const WRAPPER_KEYWORDS = new Set(['if', 'anyOf', 'oneOf'])

function templatePattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) =>
      /^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${source}$`)
}

function describeError(error: ErrorObject): string {
  const params = Object.entries(error.params)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ')
  return `${error.instancePath || '(root)'} ${error.message ?? error.keyword} (${params})`
}

function valueAt(body: unknown, instancePath: string): unknown {
  let value = body
  for (const part of decodePointer(instancePath)) {
    value = isNode(value) || Array.isArray(value) ? (value as Node)[part] : undefined
  }
  return value
}

function allowed(
  allowances: readonly DataAllowance[],
  endpoint: string,
  body: unknown,
  error: ErrorObject,
): boolean {
  return allowances.some(
    (allowance) =>
      allowance.endpoint === endpoint &&
      allowance.keyword === error.keyword &&
      allowance.instancePath.test(error.instancePath) &&
      allowance.values.includes(valueAt(body, error.instancePath) as never),
  )
}

export interface FinchOpenApiOptions {
  /** Where the YAML files are; `OPENAPI_FOLDER` by default. */
  readonly folder?: string
  readonly allowances?: readonly DataAllowance[]
}

export class FinchOpenApi {
  private readonly documents: Map<OpenApiFile, Node>
  private readonly allowances: readonly DataAllowance[]
  private readonly ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false })
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(options: FinchOpenApiOptions = {}) {
    this.documents = loadDocuments(options.folder ?? OPENAPI_FOLDER)
    this.allowances = options.allowances ?? DATA_ALLOWANCES
    addFormats(this.ajv)
    for (const amendment of SCHEMA_AMENDMENTS) applyAmendment(this.documents, amendment)
    for (const [file, document] of this.documents) {
      const converter = new SchemaConverter(this.documents, file)
      const schemas = isNode(document.components) ? document.components.schemas : undefined
      const definitions = Object.fromEntries(
        Object.entries(isNode(schemas) ? schemas : {}).map(([name, node]) => [
          name,
          converter.convert(node as Node),
        ]),
      )
      this.ajv.addSchema({ $id: file, definitions })
    }
  }

  /** Validates an error body against Finch's `Error` schema. */
  errorProblems(body: unknown): string[] {
    const validate = this.validatorFor(ERROR_SCHEMA)
    return validate(body) ? [] : (validate.errors ?? []).map(describeError)
  }

  check(exchange: Exchange, scenario?: string): ExchangeCheck {
    const located = this.schemaFor(exchange)
    if ('reason' in located) return { outcome: 'undocumented', ...located }

    const validate = this.validatorFor(located.schema)
    if (validate(exchange.body)) return { outcome: 'valid', schema: located.schema }
    const allowances = this.allowances.filter(
      (allowance) => allowance.scenario === undefined || allowance.scenario === scenario,
    )
    const remaining = (validate.errors ?? []).filter(
      (error) => !allowed(allowances, located.endpoint, exchange.body, error),
    )
    // A failed `if`/`then` or `anyOf` only wraps the errors beneath it; once those are allowed
    // it has nothing left to say.
    const substantive = remaining.filter((error) => !WRAPPER_KEYWORDS.has(error.keyword))
    const problems = remaining
      .filter(
        (error) =>
          !WRAPPER_KEYWORDS.has(error.keyword) ||
          substantive.some((nested) => nested.instancePath.startsWith(error.instancePath)),
      )
      .map(describeError)
    return problems.length === 0
      ? { outcome: 'valid', schema: located.schema }
      : { outcome: 'invalid', schema: located.schema, problems }
  }

  /** Where the YAML describes this answer: an operation's response, or a stand-in schema. */
  private schemaFor(
    exchange: Exchange,
  ): { schema: string; endpoint: string } | { endpoint: string; reason: string } {
    for (const [file, document] of this.documents) {
      const paths = isNode(document.paths) ? document.paths : {}
      for (const [template, item] of Object.entries(paths)) {
        const method = exchange.method.toLowerCase()
        if (!templatePattern(template).test(exchange.path) || !isNode(item)) continue
        if (!isNode(item[method])) continue

        const endpoint = `${exchange.method} ${template}`
        const standIn = STATUS_STAND_INS.find(
          (candidate) =>
            candidate.status === exchange.status &&
            candidate.endpoints.some((pattern) => pattern.test(endpoint)),
        )
        if (standIn) return { schema: standIn.schema, endpoint }

        const responses = (item[method] as Node).responses
        const response = isNode(responses) ? responses[String(exchange.status)] : undefined
        // An error the operation does not list still carries Finch's one error body.
        if (!isNode(response)) return { schema: ERROR_SCHEMA, endpoint }
        const operation = `/paths/${encodePointerPart(template)}/${method}`
        return { schema: this.responseSchema(file, operation, exchange.status), endpoint }
      }
    }
    const undocumented = Object.entries(UNDOCUMENTED_ENDPOINTS).find(([endpoint]) => {
      const [method, template] = endpoint.split(' ') as [string, string]
      return method === exchange.method && templatePattern(template).test(exchange.path)
    })
    if (!undocumented) {
      throw new Error(`${exchange.method} ${exchange.path} is neither in the YAML nor allow-listed`)
    }
    return { endpoint: undocumented[0], reason: undocumented[1] }
  }

  private responseSchema(file: OpenApiFile, operation: string, status: number): string {
    let location = `${file}#${operation}/responses/${status}`
    const response = nodeAt(this.documents, location)
    if (typeof response.$ref === 'string') location = `${file}${response.$ref}`
    return `${location}/content/application~1json/schema`
  }

  private validatorFor(location: string): ValidateFunction {
    let validate = this.validators.get(location)
    if (!validate) {
      const [file] = location.split('#') as [OpenApiFile]
      const node = nodeAt(this.documents, location)
      validate = this.ajv.compile(new SchemaConverter(this.documents, file).convert(node))
      this.validators.set(location, validate)
    }
    return validate
  }
}

export function isUndocumented(
  check: ExchangeCheck,
): check is Extract<ExchangeCheck, { outcome: 'undocumented' }> {
  return check.outcome === 'undocumented'
}
