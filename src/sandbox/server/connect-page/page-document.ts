/**
 * The frame of every Connect page: one self-contained HTML document under a strict CSP whose
 * nonce admits only the page's own style and script. Forms may also reach the redirect URI's
 * origin, because Chrome applies form-action to the redirect that follows a post.
 */
import { randomBytes } from 'node:crypto'

import { htmlReply, type Reply } from '../reply'
import { html, type SafeHtml, trustedMarkup } from './html'

export interface PageContent {
  title: string
  main: SafeHtml
  /** Script body run on load; it must read its inputs from data attributes, never from text. */
  script?: string
  /** CSP sources, besides 'self', that this page's forms may end up navigating to. */
  formTargets?: string[]
  status?: number
}

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
  main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff;
    border-radius: 12px; box-shadow: 0 2px 12px rgba(0, 0, 0, 0.08); }
  h1 { font-size: 1.35rem; margin-top: 0; }
  .badge { font-size: 0.8rem; color: #5b6475; text-transform: uppercase; letter-spacing: 0.05em; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input[type='text'], input[type='password'] { width: 100%; box-sizing: border-box;
    padding: 0.55rem; border: 1px solid #c3c8d2; border-radius: 6px; font: inherit; }
  button { font: inherit; padding: 0.55rem 1.1rem; border-radius: 6px; border: 1px solid #2d5be3;
    background: #2d5be3; color: #fff; cursor: pointer; margin-top: 1.25rem; }
  button.secondary { background: #fff; color: #2d5be3; }
  .providers button { display: block; width: 100%; text-align: left; background: #fff;
    color: #1d2330; border-color: #c3c8d2; margin-top: 0.6rem; }
  .error { color: #b42318; background: #fef3f2; padding: 0.6rem; border-radius: 6px; }
  .hint { color: #5b6475; font-size: 0.9rem; }
  .actions { display: flex; gap: 0.75rem; align-items: baseline; }
  output { display: block; font-family: ui-monospace, monospace; word-break: break-all; }
`

export function renderPage(content: PageContent): Reply {
  const nonce = randomBytes(16).toString('base64')
  const formTargets = ["'self'", ...(content.formTargets ?? [])].join(' ')
  const policy = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `form-action ${formTargets}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ')

  const script = content.script
    ? html`<script nonce="${nonce}">
        ${trustedMarkup(content.script)}
      </script>`
    : ''
  const document = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${content.title} · Finch Connect (local sandbox)</title>
        <style nonce="${nonce}">
          ${trustedMarkup(STYLE)}
        </style>
      </head>
      <body>
        <main>
          <p class="badge">Finch Connect · local sandbox</p>
          ${content.main}
        </main>
        ${script}
      </body>
    </html>`

  return htmlReply(content.status ?? 200, document.markup, policy)
}
