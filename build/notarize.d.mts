// Types for the afterSign hook, so the unit tests that import it are type-checked.
export interface AfterSignContext {
  electronPlatformName: string
  appOutDir: string
  packager: { appInfo: { productFilename: string } }
}

export type NotarizeFunction = (options: Record<string, string>) => Promise<void>

export function notarizeCredentials(
  env: Record<string, string | undefined>,
): Record<string, string> | null

/** electron-builder's own copy of @electron/notarize. */
export function loadNotarize(): Promise<NotarizeFunction>

export function notarizeApp(
  context: AfterSignContext,
  options?: {
    env?: Record<string, string | undefined>
    load?: () => Promise<NotarizeFunction>
    log?: (line: string) => void
  },
): Promise<'skipped' | 'notarized'>

export default function afterSign(context: AfterSignContext): Promise<void>
