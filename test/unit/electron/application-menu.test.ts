import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { electronFake } from './electron-fake'

vi.mock('electron', () => electronFake)

const { buildApplicationMenu, FINCH_DOCUMENTATION_URL } =
  await import('../../../src/main/electron/application-menu')
const { isAllowedExternalLink } =
  await import('../../../src/main/connect/connect-navigation-policy')

function buildMenu() {
  const actions = { openLogsFolder: vi.fn(), openFinchDocumentation: vi.fn() }
  const menu = buildApplicationMenu(actions) as unknown as {
    template: MenuItemConstructorOptions[]
  }
  return { actions, template: menu.template }
}

function helpItem(template: MenuItemConstructorOptions[], label: string) {
  const help = template.find((item) => item.role === 'help')
  const items = (help?.submenu ?? []) as MenuItemConstructorOptions[]
  const item = items.find((candidate) => candidate.label === label)
  if (!item?.click) throw new Error(`no Help → ${label}`)
  return item
}

/** Clicks a menu item as Electron would; these items use none of the click arguments. */
function click(item: MenuItemConstructorOptions) {
  ;(item.click as () => void)()
}

describe('the application menu', () => {
  it('has the usual menus, so editing, zoom and quitting work everywhere', () => {
    const { template } = buildMenu()

    const roles = template.map((item) => item.role ?? item.label)
    expect(roles).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'View', 'windowMenu']))
  })

  it('opens the logs folder from Help', () => {
    const { template, actions } = buildMenu()

    click(helpItem(template, 'Open logs folder'))

    expect(actions.openLogsFolder).toHaveBeenCalledTimes(1)
  })

  it('opens Finch’s documentation from Help, at an address the external-link allow-list accepts', () => {
    const { template, actions } = buildMenu()

    click(helpItem(template, 'Finch documentation'))

    expect(actions.openFinchDocumentation).toHaveBeenCalledTimes(1)
    expect(isAllowedExternalLink(FINCH_DOCUMENTATION_URL)).toBe(true)
  })
})
