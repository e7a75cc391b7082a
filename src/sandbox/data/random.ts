/**
 * A small seeded pseudo-random generator for the sandbox's data, so the same seed always yields
 * byte-identical companies, and any single pay statement can be regenerated on its own from the
 * seed and a few keys instead of being stored.
 */
import { dateAt } from './calendar'

const GOLDEN_RATIO_32 = 0x9e3779b9

/** Scrambles a 32-bit integer so that neighbouring inputs give unrelated outputs. */
function avalanche(value: number): number {
  let z = value | 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/**
 * Folds numbers and strings into one 32-bit seed. Used to derive an independent stream per
 * (payment, individual) pair, which is what lets large scenarios generate statements lazily.
 */
export function deriveSeed(...parts: readonly (number | string)[]): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = typeof part === 'number' ? `#${part}` : `$${part}`
    for (let index = 0; index < text.length; index++) {
      hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193)
    }
    hash = avalanche(hash ^ text.length)
  }
  return hash >>> 0
}

/** Combines two 32-bit seeds cheaply; used per statement, where string hashing would cost. */
export function mixSeeds(first: number, second: number): number {
  return avalanche(first ^ avalanche(second + GOLDEN_RATIO_32))
}

/** A counter-based generator: each draw scrambles the next step of a Weyl sequence. */
export class Random {
  private counter: number

  constructor(seed: number) {
    this.counter = avalanche(seed ^ 0x5bd1e995)
  }

  /** The next raw 32-bit unsigned integer. */
  nextUint32(): number {
    this.counter = (this.counter + GOLDEN_RATIO_32) | 0
    return avalanche(this.counter)
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Cannot pick from an empty list')
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Picks by relative weight; weights need not sum to one. */
  pickWeighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
    let remaining = this.next() * total
    for (const [item, weight] of entries) {
      remaining -= weight
      if (remaining < 0) return item
    }
    const last = entries[entries.length - 1]
    if (last === undefined) throw new RangeError('Cannot pick from an empty list')
    return last[0]
  }

  /** A new array in a random order (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let index = copy.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1))
      const held = copy[index] as T
      copy[index] = copy[other] as T
      copy[other] = held
    }
    return copy
  }

  /** A string of `length` decimal digits (leading zeros allowed). */
  digits(length: number): string {
    let text = ''
    for (let index = 0; index < length; index++) text += String(this.int(0, 9))
    return text
  }

  /** An ISO `YYYY-MM-DD` date in [from, to], both inclusive ISO dates. */
  date(from: string, to: string): string {
    return dateAt(from, to, this.next())
  }

  /** A UUID-v4-shaped id, as Finch uses for every object, drawn from this stream. */
  uuid(): string {
    const hex = [this.nextUint32(), this.nextUint32(), this.nextUint32(), this.nextUint32()]
      .map((word) => word.toString(16).padStart(8, '0'))
      .join('')
    const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16)
    return [
      hex.slice(0, 8),
      hex.slice(8, 12),
      `4${hex.slice(13, 16)}`,
      `${variant}${hex.slice(17, 20)}`,
      hex.slice(20, 32),
    ].join('-')
  }
}
