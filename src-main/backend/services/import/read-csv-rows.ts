/**
 * Reads a CSV file (RFC 4180) row by row with csv-parse: UTF-8 required (a leading BOM is dropped), CRLF or LF line
 * ends, quoted fields may hold commas, quotes ("") and line breaks, empty lines are skipped. CRLF is turned into LF
 * before parsing so that every row is named by the line it ends on, whatever the line ends. A row longer than the
 * limit stops the reading with a problem instead of being buffered whole.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { MAX_RECORD_BYTES } from './read-record-lines';

export interface CsvRow {
  /** The line the row ends on (1-based); a row spans several lines only when a quoted field holds line breaks. */
  line: number;
  values: string[];
}

/** Why the file could not be read on (the rows before it were delivered). */
export class CsvReadError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'CsvReadError';
  }
}

export async function* readCsvRows(file: string, maxChars = MAX_RECORD_BYTES): AsyncGenerator<CsvRow> {
  const text = utf8WithLf(file);
  const parser = parse({ skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: maxChars });
  // pipeline (not pipe): a decoding failure upstream must reach the parser, or the reading would wait forever.
  pipeline(Readable.from(text.chunks()), parser, () => undefined);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    if (error instanceof CsvError) throw new CsvReadError(Number((error as CsvError & { lines?: number }).lines ?? text.lines()), csvProblem(error, maxChars));
    throw error;
  } finally {
    parser.destroy();
  }
}

function csvProblem(error: CsvError, maxChars: number): string {
  switch (error.code) {
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${maxChars.toLocaleString('en-US')} characters, the most one record may take (the file was not read further)`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed: the file ends inside quotes';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quoted field is followed by other characters: a quote inside a field must be doubled ("")';
    default:
      return `the CSV cannot be read here (${error.message})`;
  }
}

/** The file's text in pieces, decoded strictly as UTF-8, with CRLF turned into LF (also across piece boundaries). */
function utf8WithLf(file: string) {
  let lines = 1;
  return {
    lines: () => lines,
    async *chunks(): AsyncGenerator<string> {
      const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM
      let heldCr = false;
      const convert = (decoded: string): string => {
        let piece = (heldCr ? '\r' : '') + decoded;
        heldCr = piece.endsWith('\r');
        if (heldCr) piece = piece.slice(0, -1);
        piece = piece.replace(/\r\n/g, '\n');
        for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines += 1;
        return piece;
      };
      const decode = (bytes?: Buffer): string => {
        try {
          return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
        } catch {
          // Name the line of the first undecodable byte: count the line ends a lenient decoding finds before it.
          const loose = bytes ? new TextDecoder().decode(bytes) : '';
          const before = loose.slice(0, Math.max(0, loose.indexOf('\uFFFD')));
          throw new CsvReadError(lines + (before.match(/\r\n|\r|\n/g)?.length ?? 0), 'is not UTF-8 text: save the file as UTF-8 and import it again');
        }
      };
      for await (const bytes of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) yield convert(decode(bytes));
      yield convert(decode()) + (heldCr ? '\r' : '');
    },
  };
}
