/**
 * The application menu: the usual roles, so copy, paste, zoom and quit work everywhere, and a Help
 * menu that opens the log folder and Finch's documentation (in the system browser).
 */
import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'

export const FINCH_DOCUMENTATION_URL = 'https://developer.tryfinch.com/'

export interface HelpMenuActions {
  openLogsFolder(): void
  openFinchDocumentation(): void
}

export function buildApplicationMenu(actions: HelpMenuActions): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Finch documentation', click: () => actions.openFinchDocumentation() },
        { type: 'separator' },
        { label: 'Open logs folder', click: () => actions.openLogsFolder() },
      ],
    },
  ]
  return Menu.buildFromTemplate(template)
}
