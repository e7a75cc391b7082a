/** The native save dialog exports ask for a file with, attached to the app window when it is open. */
import type { BrowserWindow, FileFilter } from 'electron'
import { app, dialog } from 'electron'
import { join } from 'node:path'

export function saveDialogFor(
  appWindow: () => BrowserWindow | null,
): (suggestedName: string, filters: FileFilter[]) => Promise<string | null> {
  return async (suggestedName, filters) => {
    const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters }
    const window = appWindow()
    const result =
      window && !window.isDestroyed()
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
}
