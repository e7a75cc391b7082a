/**
 * Generates hostile IPC arguments from a seed: wrong types, huge strings, deep nesting,
 * prototype-pollution keys, and near-misses of each channel's real shape (right keys, wrong
 * values, extra keys). Only values the channel's own schema refuses are kept, so a fuzz run never
 * triggers a real action by luck.
 */
import type { z } from 'zod'
import { Random } from '../../src/sandbox/data/random'

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype']

function hostileString(random: Random): string {
  const choices = [
    () => '',
    () => 'x'.repeat(random.int(10_000, 2_000_000)),
    () => "' OR 1=1; DROP TABLE connection; --",
    () => '<script>alert(1)</script>',
    () => '../../../../etc/passwd',
    () => '\u0000\u202e\ud800',
    () => '=HYPERLINK("http://127.0.0.1/","x")',
    () => '🙂'.repeat(random.int(1, 5000)),
    () => String(random.int(-1e9, 1e9)),
  ]
  return random.pick(choices)()
}

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { a: value }
  return value
}

export function hostileValue(random: Random, depth = 0): unknown {
  const makers: (() => unknown)[] = [
    () => undefined,
    () => null,
    () => random.chance(0.5),
    () =>
      random.pick([0, -1, 1.5, Number.NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER + 2, -0]),
    () => hostileString(random),
    () => BigInt(random.int(0, 1000)),
    () => [],
    () => ({}),
    () => nested(random.int(50, 3000), hostileString(random)),
    () => JSON.parse(`{"${random.pick(POLLUTION_KEYS)}": {"polluted": true}}`) as unknown,
    () =>
      depth < 3
        ? Array.from({ length: random.int(1, 5) }, () => hostileValue(random, depth + 1))
        : 1,
    () => new Date(),
    () => new Uint8Array(random.int(0, 64)),
  ]
  return random.pick(makers)()
}

/** The keys of an object schema, when the channel takes an object. */
function shapeKeys(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape
  return shape ? Object.keys(shape) : []
}

function nearMiss(random: Random, keys: string[]): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  for (const key of keys) if (random.chance(0.8)) value[key] = hostileValue(random)
  if (random.chance(0.4))
    value[random.pick([...POLLUTION_KEYS, 'extra', 'sql'])] = hostileValue(random)
  return value
}

export function* invalidArguments(
  schema: z.ZodType,
  seed: number,
  count: number,
): Generator<unknown> {
  const random = new Random(seed)
  const keys = shapeKeys(schema)
  let produced = 0
  let attempts = 0
  while (produced < count && attempts < count * 20) {
    attempts += 1
    const candidate =
      keys.length > 0 && random.chance(0.6) ? nearMiss(random, keys) : hostileValue(random)
    if (schema.safeParse(candidate).success) continue
    produced += 1
    yield candidate
  }
}
