/**
 * Reads a JSON body as it arrives, handing over each element of chosen arrays (a page of pay
 * statements, a batch of people) the moment it is complete, parsed on its own, so a sync never
 * holds a whole 15 MB answer as objects. Chunks are scanned a piece (about a megabyte) at a
 * time, and `afterPiece` lets the caller write that piece's elements before the next await, so
 * they die young instead of piling up in the old generation. Chosen scalar values (a payment id, a status code) are
 * reported as they pass too. Everything else is returned at the end as one small document, with
 * the chosen arrays left empty. A body that stops early or is not JSON throws a SyntaxError.
 */

export type JsonPath = readonly (string | number)[]

export interface JsonStreamHandlers {
  /** Whether the elements of the array at `path` are handed over one by one. */
  streams(path: JsonPath): boolean
  element(path: JsonPath, index: number, value: unknown): void
  /** Whether the scalar at `path` is reported as soon as it is read. */
  wants?(path: JsonPath): boolean
  value?(path: JsonPath, value: unknown): void
}

interface Frame {
  kind: 'object' | 'array'
  path: (string | number)[]
  /** The key being read or last read (objects), or the index of the current element (arrays). */
  key: string | null
  index: number
  streamed: boolean
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}

/** The unescaped quote that ends a string whose text starts at `from`; -1 if not in `text`. */
function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0
    while (
      quote - backslashes - 1 >= from &&
      text.charCodeAt(quote - backslashes - 1) === BACKSLASH
    ) {
      backslashes += 1
    }
    if (backslashes % 2 === 0) return quote
  }
  return -1
}

/** Whether `text` (string content from `from` on) ends in a backslash that escapes what follows. */
function endsInEscape(text: string, from: number): boolean {
  let backslashes = 0
  while (
    text.length - backslashes - 1 >= from &&
    text.charCodeAt(text.length - backslashes - 1) === BACKSLASH
  ) {
    backslashes += 1
  }
  return backslashes % 2 === 1
}

/** An element of a streamed array being collected, possibly across chunks. */
interface Capture {
  parts: string[]
  depth: number
  inString: boolean
  escaped: boolean
  /** A number, true, false or null: it ends at the next delimiter. */
  bare: boolean
}

/** A key, or a scalar someone asked for, being collected, possibly across chunks. */
interface Scalar {
  parts: string[]
  /** Where it starts in the current chunk. */
  start: number
  /** Null for a key. */
  path: (string | number)[] | null
  /** A number, true, false or null: it ends at the next delimiter. */
  bare: boolean
}

export interface JsonStreamOptions {
  /** Network chunks are joined into pieces of about this many bytes before they are scanned. */
  pieceBytes?: number
  /** Called after each piece was scanned: the moment to write what it held in one go. */
  afterPiece?: () => void
}

export async function parseJsonStream(
  chunks: AsyncIterable<Uint8Array>,
  handlers: JsonStreamHandlers,
  options: JsonStreamOptions = {},
): Promise<unknown> {
  const scanner = new JsonScanner(handlers)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode()
    } catch {
      // A body cut inside a character is as broken as one cut inside a value.
      throw new SyntaxError('The JSON body is not valid UTF-8.')
    }
  }
  const pieceBytes = options.pieceBytes ?? 0
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  const scan = (final: boolean) => {
    if (pending.length > 0) {
      scanner.feed(decode(pending.length === 1 ? pending[0] : Buffer.concat(pending)))
      pending = []
      pendingBytes = 0
    }
    if (final) scanner.feed(decode())
    options.afterPiece?.()
  }

  for await (const chunk of chunks) {
    pending.push(chunk)
    pendingBytes += chunk.byteLength
    if (pendingBytes >= pieceBytes) scan(false)
  }
  scan(true)
  return scanner.finish()
}

class JsonScanner {
  private readonly skeleton: string[] = []
  private readonly stack: Frame[] = []
  private inString = false
  private escaped = false
  private capture: Capture | null = null
  private scalar: Scalar | null = null
  private started = false

  constructor(private readonly handlers: JsonStreamHandlers) {}

  feed(text: string): void {
    const length = text.length
    let copyFrom = 0
    let i = 0
    while (i < length) {
      if (this.capture) {
        const end = this.scanCapture(text, i)
        if (end < 0) {
          this.capture.parts.push(text.slice(i))
          return
        }
        this.capture.parts.push(text.slice(i, end))
        this.finishCapture()
        i = end
        copyFrom = end
        continue
      }

      const code = text.charCodeAt(i)
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (code === BACKSLASH) this.escaped = true
        else if (code === QUOTE) {
          this.inString = false
          if (this.scalar) this.finishScalar(text, i + 1)
        }
        i += 1
        continue
      }
      const delimits =
        isSpace(code) || code === COMMA || code === CLOSE_BRACE || code === CLOSE_BRACKET
      if (this.scalar?.bare && delimits) this.finishScalar(text, i)

      const top = this.stack[this.stack.length - 1]
      if (top?.streamed && !isSpace(code) && code !== COMMA && code !== CLOSE_BRACKET) {
        // An element of a streamed array begins: it leaves the skeleton.
        this.skeleton.push(text.slice(copyFrom, i))
        const bare = code !== OPEN_BRACE && code !== OPEN_BRACKET && code !== QUOTE
        this.capture = { parts: [], depth: 0, inString: false, escaped: false, bare }
        continue
      }

      switch (code) {
        case QUOTE:
          this.inString = true
          if (top?.kind === 'object' && top.key === null) this.collect(i, null, false)
          else this.collectIfWanted(top, i, false)
          break
        case OPEN_BRACE:
        case OPEN_BRACKET:
          this.open(code === OPEN_BRACE ? 'object' : 'array')
          break
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          this.stack.pop()
          break
        case COMMA:
          if (top?.kind === 'object') top.key = null
          else if (top) {
            top.index += 1
            if (top.streamed) {
              // Commas between streamed elements leave the skeleton with them.
              this.skeleton.push(text.slice(copyFrom, i))
              copyFrom = i + 1
            }
          }
          break
        case COLON:
          break
        default:
          if (!delimits && !this.scalar) {
            this.started = true
            this.collectIfWanted(top, i, true)
          }
      }
      i += 1
    }
    if (this.scalar) {
      this.scalar.parts.push(text.slice(this.scalar.start))
      this.scalar.start = 0
    }
    this.skeleton.push(text.slice(copyFrom))
  }

  finish(): unknown {
    if (this.scalar?.bare) this.finishScalar('', 0)
    if (this.capture || this.stack.length > 0 || this.inString || !this.started) {
      throw new SyntaxError('The JSON body ended before it was complete.')
    }
    return JSON.parse(this.skeleton.join(''))
  }

  private open(kind: 'object' | 'array'): void {
    this.started = true
    const parent = this.stack[this.stack.length - 1]
    const path = parent ? [...parent.path, this.slotOf(parent)] : []
    this.stack.push({
      kind,
      path,
      key: null,
      index: 0,
      streamed: kind === 'array' && this.handlers.streams(path),
    })
  }

  private slotOf(frame: Frame): string | number {
    return frame.kind === 'object' ? (frame.key ?? '') : frame.index
  }

  private collectIfWanted(top: Frame | undefined, at: number, bare: boolean): void {
    this.started = true
    if (!top || !this.handlers.wants) return
    const path = [...top.path, this.slotOf(top)]
    if (this.handlers.wants(path)) this.collect(at, path, bare)
  }

  private collect(at: number, path: (string | number)[] | null, bare: boolean): void {
    this.started = true
    this.scalar = { parts: [], start: at, path, bare }
  }

  private finishScalar(text: string, end: number): void {
    const scalar = this.scalar!
    this.scalar = null
    scalar.parts.push(text.slice(scalar.start, end))
    const value: unknown = JSON.parse(scalar.parts.join(''))
    if (scalar.path) {
      this.handlers.value?.(scalar.path, value)
      return
    }
    const top = this.stack[this.stack.length - 1]
    if (top) top.key = String(value)
  }

  /** Finds where the captured element ends in `text` from `from`; -1 if not in this chunk. */
  private scanCapture(text: string, from: number): number {
    const capture = this.capture!
    const length = text.length
    let i = from
    while (i < length) {
      if (capture.inString) {
        if (capture.escaped) {
          capture.escaped = false
          i += 1
          continue
        }
        // Most of a body is text inside strings: jump from quote to quote.
        const quote = closingQuote(text, i)
        if (quote < 0) {
          capture.escaped = endsInEscape(text, i)
          return -1
        }
        capture.inString = false
        i = quote + 1
        if (capture.depth === 0) return i
        continue
      }
      const code = text.charCodeAt(i)
      if (capture.bare) {
        if (isSpace(code) || code === COMMA || code === CLOSE_BRACKET) return i
      } else if (code === QUOTE) capture.inString = true
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) capture.depth += 1
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        capture.depth -= 1
        if (capture.depth === 0) return i + 1
      }
      i += 1
    }
    return -1
  }

  private finishCapture(): void {
    const capture = this.capture!
    this.capture = null
    const frame = this.stack[this.stack.length - 1]!
    this.handlers.element(frame.path, frame.index, JSON.parse(capture.parts.join('')))
  }
}
