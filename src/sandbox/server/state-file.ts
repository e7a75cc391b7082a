/**
 * The optional JSON file that carries connections and revocations across sandbox restarts.
 * Writes go to a temporary file first and are renamed into place, so a crash mid-write never
 * leaves half a file for the next start to choke on.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export function readStateFile(path: string): unknown {
  if (!existsSync(path)) return undefined

  const text = readFileSync(path, 'utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error(`[sandbox] state file ${path} is not valid JSON; move it away to start fresh`)
  }
}

export function writeStateFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 })
  renameSync(temporary, path)
}
