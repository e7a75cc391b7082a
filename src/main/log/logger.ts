/**
 * The one logger of the back end. Every line carries a component prefix, and every line is
 * redacted before it is written: secrets the vault has handled are replaced wherever they
 * appear, and token-, SSN- and account-number-shaped text is masked even if a caller slips.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  child(component: string): Logger
  debug(message: string): void
  info(message: string): void
  warn(message: string): void
  error(message: string, cause?: unknown): void
}

export interface LogSink {
  write(line: string): void
}

/** Secrets registered here are scrubbed from every log line, whatever the caller wrote. */
export class Redactor {
  private readonly secrets = new Set<string>()

  register(secret: string): void {
    // Very short values would redact ordinary words; real secrets are long.
    if (secret.length >= 8) this.secrets.add(secret)
  }

  redact(text: string): string {
    let out = text
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]')
    return out
      .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
      .replace(/\b(sbx_|sandbox-secret-)[A-Za-z0-9._-]+/g, '$1[redacted]')
      .replace(
        /("?(?:access_token|client_secret|code|password)"?\s*[:=]\s*"?)[^"&\s,}]+/gi,
        '$1[redacted]',
      )
      .replace(/\b\d{3}-\d{2}-\d{4}\b/g, '***-**-****')
      .replace(/\b\d{9,17}\b/g, '[number]')
  }
}

/**
 * Appends to the log file. A line that cannot be written (a full disk, the folder removed or
 * made read-only) is dropped rather than thrown: logging must never take the app down. The
 * first such failure is said once on stderr, without the line.
 */
export function fileSink(path: string, fallback: Pick<LogSink, 'write'> = stderrSink): LogSink {
  mkdirSync(dirname(path), { recursive: true })
  let failing = false
  return {
    write: (line) => {
      try {
        appendFileSync(path, line + '\n', { mode: 0o600 })
        failing = false
      } catch (error) {
        if (failing) return
        failing = true
        const code = (error as NodeJS.ErrnoException).code ?? 'an unknown error'
        try {
          fallback.write(`The log file cannot be written (${code}); log lines are dropped.`)
        } catch {
          // Nowhere left to say it.
        }
      }
    },
  }
}

export const stderrSink: LogSink = { write: (line) => process.stderr.write(line + '\n') }

const levelRank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 }

export function createLogger(options: {
  sinks: LogSink[]
  redactor: Redactor
  level?: LogLevel
  component?: string
}): Logger {
  const minimum = levelRank[options.level ?? 'info']

  function write(level: LogLevel, component: string, message: string): void {
    if (levelRank[level] < minimum) return
    const line = options.redactor.redact(
      `${new Date().toISOString()} ${level.toUpperCase()} [${component}] ${message}`,
    )
    for (const sink of options.sinks) sink.write(line)
  }

  function make(component: string): Logger {
    return {
      child: (name) => make(name),
      debug: (message) => write('debug', component, message),
      info: (message) => write('info', component, message),
      warn: (message) => write('warn', component, message),
      error: (message, cause) =>
        write('error', component, cause ? `${message}: ${describe(cause)}` : message),
    }
  }

  return make(options.component ?? 'app')
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`
  return String(cause)
}
