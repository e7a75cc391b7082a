/**
 * Saves a chart the renderer drew as a PNG file. The picture arrives as base64 text; it is
 * decoded here and checked again, because the IPC schema only saw its first bytes.
 */
import { AppError } from '../../shared/app-error'
import type { ExportOutcome } from '../../shared/review'
import { MAX_IMAGE_BYTES, hasPngSignature } from '../../shared/dashboard'
import type { ExportService } from '../export/export-service'

export async function exportChartImage(
  exports: ExportService,
  request: { name: string; pngBase64: string },
  date: Date = new Date(),
): Promise<ExportOutcome> {
  const bytes = Buffer.from(request.pngBase64, 'base64')
  // An IHDR chunk must follow the signature; anything shorter is not a picture.
  if (
    bytes.length > MAX_IMAGE_BYTES ||
    bytes.length < 33 ||
    !hasPngSignature(request.pngBase64) ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new AppError('invalid_argument', 'That is not a PNG image of at most 10 MB.')
  }

  return exports.exportFile({
    fileName: chartFileName(request.name, date),
    contentType: 'image/png',
    filter: { name: 'PNG image', extensions: ['png'] },
    bytes,
  })
}

/** `Large Co gross pay 2026-12-04.png`: only letters, digits, spaces and a few marks survive. */
export function chartFileName(name: string, date: Date): string {
  const safeName =
    name
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N} .,&()_-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[ .]+|[ .]+$/g, '')
      .slice(0, 100) || 'Chart'
  return `${safeName} ${date.toISOString().slice(0, 10)}.png`
}
