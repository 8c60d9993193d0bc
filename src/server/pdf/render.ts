import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

export type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * The one way the server makes PDFs (personal data exports now; offers and prints later).
 *
 * pdfmake 0.3 rather than plain pdfkit: documents are declared as data (paragraphs, tables
 * whose header rows repeat on each page, columns, page headers and numbers), which is what
 * reports and offers are made of; pdfkit (which pdfmake drives) would need a layout engine of
 * our own for tables that break across pages. Its bundled Roboto covers Latin-1 and Latin
 * Extended-A in full (ą ć ę ł ń ó ś ź ż, ő ű, č ř š…), is embedded as a subset, and carries a
 * ToUnicode map, so the text can be searched and copied.
 *
 * pdfmake is a process-wide singleton: fonts and access policies are set here, once. Documents
 * may not read files or URLs: a value from a record can never become an image path.
 */
const require = createRequire(import.meta.url);
const FONT_DIR = path.dirname(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));

pdfmake.setFonts({
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONT_DIR);

/** The PDF of a document definition (default font Roboto), as one buffer. */
export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake
    .createPdf({ ...document, defaultStyle: { font: 'Roboto', ...document.defaultStyle } })
    .getBuffer();
}
