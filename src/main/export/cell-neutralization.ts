/**
 * Makes text inert for spreadsheets. Excel, LibreOffice and Google Sheets run a cell that starts
 * with `=`, `+`, `-` or `@` as a formula (and tab or carriage return can smuggle one in), so a
 * hostile name such as `=HYPERLINK("https://…"&A1)` would leak data or run commands when an
 * accountant opens an export. Prefixing a single quote keeps the text visible and makes it data.
 * See OWASP, "CSV Injection".
 */

/**
 * The characters a spreadsheet may read as the start of a formula: OWASP's list, plus line feed
 * and the full-width forms some spreadsheets fold into their ASCII twins.
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/

export function neutralizeText(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

export function startsLikeFormula(text: string): boolean {
  return FORMULA_TRIGGER.test(text)
}
