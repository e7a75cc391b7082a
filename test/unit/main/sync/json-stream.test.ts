import { describe, expect, it } from 'vitest'
import type { JsonPath } from '../../../../src/main/sync/json-stream'
import { parseJsonStream } from '../../../../src/main/sync/json-stream'

/** The document cut into chunks at the given byte sizes, as a socket might deliver it. */
async function* chunked(text: string, sizes: number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let at = 0
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!
    yield bytes.subarray(at, at + size)
    at += size
  }
}

const document = {
  responses: [
    {
      payment_id: 'pay-1',
      code: 200,
      body: {
        paging: { count: 3, offset: 0 },
        pay_statements: [
          { individual_id: 'a', note: 'quote " and brace } and bracket ] and \\ and 😀 and é' },
          { individual_id: 'b', earnings: [null, { amount: -12, nested: [[1], { x: '[' }] }] },
          { individual_id: 'c', empty: {}, list: [] },
        ],
      },
    },
    { payment_id: 'pay-2', code: 404, body: { name: 'not_found_error', finch_code: null } },
    {
      payment_id: 'pay-3',
      code: 200,
      body: { paging: { count: 0, offset: 0 }, pay_statements: [] },
    },
  ],
}

function isStatements(path: JsonPath): boolean {
  return path.length === 4 && path[0] === 'responses' && path[3] === 'pay_statements'
}

async function parse(text: string, sizes: number[]) {
  const elements: [number, number, unknown][] = []
  const values: [string, unknown][] = []
  const skeleton = await parseJsonStream(chunked(text, sizes), {
    streams: isStatements,
    element: (path, index, value) => elements.push([path[1] as number, index, value]),
    wants: (path) => path.length === 3 && (path[2] === 'payment_id' || path[2] === 'code'),
    value: (path, value) => values.push([`${path[1]}.${path[2]}`, value]),
  })
  return { skeleton, elements, values }
}

describe('reading a JSON body as it streams', () => {
  it('hands over every streamed element and keeps the rest, however the bytes are cut', async () => {
    const text = JSON.stringify(document, null, 1)
    const statements = document.responses[0]!.body.pay_statements!
    const expectedSkeleton = structuredClone(document)
    expectedSkeleton.responses[0]!.body.pay_statements = []

    for (const sizes of [[1], [2, 3, 5, 7], [4096], [text.length]]) {
      const { skeleton, elements, values } = await parse(text, sizes)

      expect(skeleton).toEqual(expectedSkeleton)
      expect(elements).toEqual(statements.map((s, index) => [0, index, s]))
      expect(values).toEqual([
        ['0.payment_id', 'pay-1'],
        ['0.code', 200],
        ['1.payment_id', 'pay-2'],
        ['1.code', 404],
        ['2.payment_id', 'pay-3'],
        ['2.code', 200],
      ])
    }
  })

  it('streams scalar elements too', async () => {
    const elements: unknown[] = []
    const skeleton = await parseJsonStream(
      chunked('{"ids":[1, -2.5e3,"x",true,null],"n":7}', [3]),
      {
        streams: (path) => path[0] === 'ids',
        element: (_path, _index, value) => elements.push(value),
      },
    )

    expect(elements).toEqual([1, -2500, 'x', true, null])
    expect(skeleton).toEqual({ ids: [], n: 7 })
  })

  it('throws a SyntaxError for a body cut short, even mid-element', async () => {
    const text = JSON.stringify(document)
    for (const cut of [0, 10, Math.floor(text.length / 2), text.length - 1]) {
      await expect(parse(text.slice(0, cut), [64])).rejects.toBeInstanceOf(SyntaxError)
    }
  })
})
