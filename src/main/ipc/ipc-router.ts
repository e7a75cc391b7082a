/**
 * Runs contract calls whatever the transport: checks the channel, validates the argument
 * against the contract's schema, runs the handler and turns every failure into a typed error
 * whose message is safe to show. Transports check the sender before they call `dispatch`.
 */
import type { z } from 'zod'
import { AppError } from '../../shared/app-error'
import { isIpcChannel } from '../../shared/ipc-channels'
import type {
  IpcChannel,
  IpcParsedArguments,
  IpcResponse,
  IpcResult,
} from '../../shared/ipc-contract'
import { ipcArgumentSchemas } from '../../shared/ipc-contract'
import { noteCacheDamage } from '../cache/clean-close'
import type { Logger } from '../log/logger'

export type IpcHandlers = {
  [C in IpcChannel]: (args: IpcParsedArguments<C>) => Promise<IpcResult<C>> | IpcResult<C>
}

export interface IpcRouter {
  dispatch(channel: unknown, args: unknown): Promise<IpcResponse>
}

export function createIpcRouter(handlers: IpcHandlers, logger: Logger): IpcRouter {
  return {
    async dispatch(channel, args) {
      if (!isIpcChannel(channel)) {
        return failure(new AppError('unknown_channel', 'That operation does not exist.'))
      }

      const parsed = ipcArgumentSchemas[channel].safeParse(args)
      if (!parsed.success) {
        return failure(new AppError('invalid_argument', describeIssues(channel, parsed.error)))
      }

      try {
        const handler = handlers[channel] as (a: unknown) => Promise<unknown> | unknown
        return { ok: true, value: await handler(parsed.data) }
      } catch (error) {
        if (error instanceof AppError) {
          if (error.code === 'internal' || error.code === 'storage_failed')
            logger.error(`${channel} failed`, error.cause ?? error)
          return failure(error)
        }
        logger.error(`${channel} failed unexpectedly`, error)
        if (noteCacheDamage(error)) return failure(DAMAGED_CACHE)
        return failure(
          new AppError('internal', 'Something went wrong. The details are in the log.'),
        )
      }
    },
  }
}

const DAMAGED_CACHE = new AppError(
  'storage_failed',
  'Part of the payroll cache is damaged. Restart the app: it checks the cache and moves a damaged one aside.',
)

function failure(error: AppError): IpcResponse {
  return { ok: false, error: error.toShape() }
}

/** Names the offending fields without echoing the values, which may be huge or hostile. */
function describeIssues(channel: string, error: z.ZodError): string {
  const fields = error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.map((p) => String(p).slice(0, 40)).join('.') || 'argument'
      return `${path}: ${issue.message.slice(0, 120)}`
    })
    .join('; ')
  return `Invalid argument for ${channel}: ${fields}`
}
