/**
 * A tagged template for the Connect pages that escapes every interpolated value unless it is
 * already markup built by this same tag. Customer names and similar come from the app's
 * requests and must never turn into markup.
 */
export class SafeHtml {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup
  }
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.markup
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let markup = strings[0]!
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1]!
  })
  return new SafeHtml(markup)
}

/** Marks constant markup (the pages' own style and scripts) as safe; never pass request data. */
export function trustedMarkup(markup: string): SafeHtml {
  return new SafeHtml(markup)
}
