/**
 * The text of a PDF as a reader's tool sees it, through Mozilla's pdf.js (its legacy build is the one for Node).
 * Tests assert on this text rather than on the bytes, so they check what a person can actually read.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';

// pdf.js reads the metrics of the standard fonts (Helvetica, Courier…) from files shipped in its package.
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/');

export interface PdfText {
  pageCount: number;
  /** One string per page; the lines of a page separated by newlines. */
  pages: string[];
  /** All pages, separated by newlines. */
  text: string;
}

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given, and wants a plain Uint8Array: hand it a copy.
  const pdf = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      pages.push(items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join(''));
    }
    return { pageCount: pdf.numPages, pages, text: pages.join('\n') };
  } finally {
    await pdf.destroy();
  }
}
