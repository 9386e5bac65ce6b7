/**
 * Reads a JSON-lines file line by line from its bytes: a leading BOM is dropped, CRLF and LF line ends are both
 * accepted, and a line longer than the limit is refused without being assembled into one giant string (its bytes
 * are skipped up to the next line end). Text that is not UTF-8 is refused rather than imported garbled.
 */
import { createReadStream } from 'node:fs';

/** The most one record (a JSON line or a CSV row) may take; a real record is well under 2,000. */
export const MAX_RECORD_BYTES = 1_000_000;

export type RecordLine = { line: number; text: string } | { line: number; refused: string };

const LF = 0x0a;
const CR = 0x0d;

export async function* readRecordLines(file: string, maxBytes = MAX_RECORD_BYTES): AsyncGenerator<RecordLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pieces: Buffer[] = [];
  let size = 0;
  let line = 1;

  const finishLine = (): RecordLine => {
    const at = line;
    const tooLong = size > maxBytes;
    const bytes = tooLong ? null : Buffer.concat(pieces);
    pieces = [];
    size = 0;
    line += 1;
    if (bytes === null) {
      return { line: at, refused: `the line is longer than ${maxBytes.toLocaleString('en-US')} bytes, the most one record may take (it was not read further)` };
    }
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    try {
      const text = decoder.decode(bytes.subarray(0, end));
      return { line: at, text: at === 1 ? text.replace(/^\uFEFF/, '') : text };
    } catch {
      return { line: at, refused: 'is not UTF-8 text: save the file as UTF-8 and import it again' };
    }
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline;
      // Past the limit only the count goes on: the bytes themselves are let go.
      if (size + (end - start) <= maxBytes) pieces.push(chunk.subarray(start, end));
      else pieces = [];
      size += end - start;
      if (newline === -1) break;
      yield finishLine();
      start = newline + 1;
    }
  }
  if (size > 0) yield finishLine();
}
