/** Every schema migration, in order. Add a file per migration and list it here. */
import type { Migration } from '../migrate'
import { initialSchema } from './001-initial-schema'

export const migrations: readonly Migration[] = [initialSchema]
