/**
 * Reads the code from Connect's redirect. The `state` must be the one this attempt made:
 * anything else may be a forged or replayed redirect, so the code is not even exchanged.
 */
import { timingSafeEqual } from 'node:crypto'
import { AppError } from '../../shared/app-error'
import { isRedirectTo } from './connect-presenter'

export function readRedirect(url: string, redirectUri: string, expectedState: string): string {
  if (!isRedirectTo(url, redirectUri)) {
    throw new AppError('connect_failed', 'Connect returned to an unexpected address.')
  }
  const params = new URL(url).searchParams
  const state = params.get('state') ?? ''
  if (!sameSecret(state, expectedState)) {
    throw new AppError(
      'connect_state_mismatch',
      'Connect returned a response that does not belong to this attempt; nothing was saved.',
    )
  }
  const error = params.get('error')
  if (error) {
    if (error === 'access_denied')
      throw new AppError('connect_cancelled', 'Connecting was cancelled in Finch Connect.')
    throw new AppError(
      'connect_failed',
      `Finch Connect ended with an error (${error.replace(/[^a-z_]/gi, '').slice(0, 64)}).`,
    )
  }
  const code = params.get('code')
  if (!code) throw new AppError('connect_failed', 'Finch Connect returned no authorization code.')
  return code
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
