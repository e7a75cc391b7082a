import { describe, expect, it } from 'vitest'
import {
  decideConnectNavigation,
  isAllowedExternalLink,
  isAppUrl,
  isConnectUrlForSystemBrowser,
} from '../../../src/main/connect/connect-navigation-policy'

const connectOrigin = 'https://connect.tryfinch.com'
const redirectUri = 'http://localhost/payroll-desk/connect-callback'

describe('the Connect view navigation policy', () => {
  it.each([
    ['the redirect URI with a code', `${redirectUri}?code=abc&state=xyz`, 'redirect'],
    ['a Connect page', `${connectOrigin}/authorize?session=1`, 'allow'],
    ['a provider https login page', 'https://login.provider.example/oauth', 'allow'],
    ['plain http elsewhere', 'http://evil.example/', 'block'],
    ['a file URL', 'file:///etc/passwd', 'block'],
    ['a custom scheme', 'ms-settings:privacy', 'block'],
    ['https with credentials in it', 'https://user:pass@provider.example/', 'block'],
    ['the redirect host on another path', 'http://localhost/other', 'block'],
    ['garbage', 'not a url', 'block'],
  ])('decides %s', (_label, url, expected) => {
    expect(decideConnectNavigation(url, connectOrigin, redirectUri)).toBe(expected)
  })
})

describe('the app window navigation policy', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://payroll-desk/index.html', 'app://payroll-desk')).toBe(true)
    expect(isAppUrl('https://payroll-desk.evil/', 'app://payroll-desk')).toBe(false)
    expect(isAppUrl('file:///index.html', 'app://payroll-desk')).toBe(false)
  })

  it('hands only Finch https links to the system browser', () => {
    expect(isAllowedExternalLink('https://developer.tryfinch.com/docs')).toBe(true)
    expect(isAllowedExternalLink('http://developer.tryfinch.com/docs')).toBe(false)
    expect(isAllowedExternalLink('https://tryfinch.com.evil.example/')).toBe(false)
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false)
  })
})

describe('what "Connect in my browser" may open', () => {
  it.each([
    ['Finch Connect over https', 'https://connect.tryfinch.com/authorize?session=1', true],
    ['the demo sandbox on loopback', 'http://127.0.0.1:43111/authorize?session=1', true],
    ['plain http elsewhere', 'http://connect.example/authorize', false],
    ['a file URL', 'file:///etc/passwd', false],
    ['a custom scheme', 'ms-settings:privacy', false],
    ['https with credentials', 'https://user:pass@connect.tryfinch.com/', false],
    ['garbage', 'not a url', false],
  ])('decides %s', (_label, url, expected) => {
    expect(isConnectUrlForSystemBrowser(url)).toBe(expected)
  })
})
