/**
 * Runs the numbered schema migrations in order, each in one transaction that also bumps
 * `user_version`, so a crash mid-migration leaves the previous version whole.
 */
import type Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../../shared/app-error'
import { migrations } from './migrations'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

export function runMigrations(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations[migrations.length - 1]?.version ?? 0
  if (current > latest) {
    throw new AppError(
      'storage_failed',
      `The payroll cache was written by a newer version of Payroll Desk (schema ${current}); update the app.`,
    )
  }

  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
