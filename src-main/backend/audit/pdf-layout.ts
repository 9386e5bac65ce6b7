/**
 * A small flowing-text layout on top of pdf-lib: headings, label/value fields and wrapped paragraphs that break
 * onto new pages by themselves, and a footer stamped on every page once the page count is known.
 * Only the standard PDF fonts are used (nothing to embed or ship), so all text goes through `toWinAnsi` first.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/** US Letter: the packet is read by a US regulator. */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
/** The footer sits in the bottom margin, below the text area. */
const FOOTER_Y = 30;
const FOOTER_SIZE = 8;
const LABEL_WIDTH = 120;
const LINE_SPACING = 1.35;
const GREY = rgb(0.35, 0.35, 0.35);

export type FontName = 'regular' | 'bold' | 'mono';

export interface TextOptions {
  font?: FontName;
  size?: number;
  indent?: number;
  /** Start a new page first rather than split these lines across two. */
  keepTogether?: boolean;
}

/**
 * Standard fonts encode WinAnsi only, and pdf-lib throws on anything else. Keep every character the font can draw
 * (Spanish accents, curly quotes, dashes…) and put '?' for the rest, so a name in any script never breaks a packet.
 */
export function toWinAnsi(text: string, encodable: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === '\t') out += ' ';
    else out += encodable.has(char.codePointAt(0) ?? 0) ? char : '?';
  }
  return out;
}

/** Splits one paragraph (no newlines) into lines no wider than `width`; a word wider than a line is cut. */
export function wrapLine(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  // null until the first word, so that leading spaces (an indent) are kept like any other.
  let line: string | null = null;
  for (let word of text.split(' ')) {
    const longer: string = line === null ? word : `${line} ${word}`;
    if (fits(longer)) {
      line = longer;
      continue;
    }
    if (line !== null) lines.push(line);
    // Hashes, tokens and long URLs have no spaces: cut them where the line is full.
    while (word.length > 1 && !fits(word)) {
      let cut = word.length - 1;
      while (cut > 1 && !fits(word.slice(0, cut))) cut--;
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  lines.push(line ?? '');
  return lines;
}

export class PdfLayout {
  private page!: PDFPage;
  private y = 0;
  private readonly encodable: ReadonlySet<number>;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<FontName, PDFFont>,
  ) {
    this.encodable = new Set(fonts.regular.getCharacterSet());
    this.newPage();
  }

  static async create(doc: PDFDocument): Promise<PdfLayout> {
    const [regular, bold, mono] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
      doc.embedFont(StandardFonts.Courier),
    ]);
    return new PdfLayout(doc, { regular, bold, mono });
  }

  /** A section heading, kept on the same page as at least a few lines of what follows it. */
  heading(text: string, size = 13): void {
    this.space(size * 0.8);
    this.ensure(size * LINE_SPACING + 4 * 10 * LINE_SPACING);
    this.text(text, { font: 'bold', size });
    this.space(2);
  }

  /** Wrapped text; each newline starts a new line, an empty line leaves a gap. */
  text(text: string, { font = 'regular', size = 10, indent = 0, keepTogether = false }: TextOptions = {}): void {
    const width = PAGE_WIDTH - 2 * MARGIN - indent;
    const lines = text.split(/\r?\n/).flatMap((paragraph) => wrapLine(this.encode(paragraph), this.fonts[font], size, width));
    if (keepTogether) this.ensure(lines.length * size * LINE_SPACING);
    for (const line of lines) this.line(line, MARGIN + indent, this.fonts[font], size);
  }

  /** A bold label (indented by `indent`) and its value beside it, in a column shared by all fields; both wrap. */
  field(label: string, value: string, { indent = 0, size = 10 }: TextOptions = {}): void {
    const x = MARGIN + LABEL_WIDTH;
    const labels = wrapLine(this.encode(label), this.fonts.bold, size, LABEL_WIDTH - indent - 6);
    const values = wrapLine(this.encode(value), this.fonts.regular, size, PAGE_WIDTH - MARGIN - x);
    for (let row = 0; row < Math.max(labels.length, values.length); row++) {
      this.ensure(size * LINE_SPACING);
      if (labels[row]) this.page.drawText(labels[row], { x: MARGIN + indent, y: this.y - size, size, font: this.fonts.bold });
      this.line(values[row] ?? '', x, this.fonts.regular, size);
    }
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Stamps `footer(n, total)` on every page; call once, after all content. */
  addFooters(footer: (pageNumber: number, pageCount: number) => string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const lines = wrapLine(this.encode(footer(i + 1, pages.length)), this.fonts.regular, FOOTER_SIZE, PAGE_WIDTH - 2 * MARGIN);
      // A long name wraps upwards into the bottom margin rather than being cut.
      lines.forEach((line, j) => {
        const y = FOOTER_Y + (lines.length - 1 - j) * FOOTER_SIZE * LINE_SPACING;
        page.drawText(line, { x: MARGIN, y, size: FOOTER_SIZE, font: this.fonts.regular, color: GREY });
      });
    });
  }

  private encode(text: string): string {
    return toWinAnsi(text, this.encodable);
  }

  private line(text: string, x: number, font: PDFFont, size: number): void {
    this.ensure(size * LINE_SPACING);
    if (text) this.page.drawText(text, { x, y: this.y - size, size, font });
    this.y -= size * LINE_SPACING;
  }

  /** Starts a new page when fewer than `height` points are left above the bottom margin. */
  private ensure(height: number): void {
    if (this.y - height < MARGIN) this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.y = PAGE_HEIGHT - MARGIN;
  }
}
