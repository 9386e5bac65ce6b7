/**
 * A finished export is fetched from the backend a slice at a time (export.chunk: the file's bytes in base64, from a
 * byte offset) and assembled into one Blob, which the browser or Electron saves as a download. The bytes are kept
 * as they are: the UTF-8 text, and the byte-order mark when one was asked for (Excel).
 */
import { base64ToBytes } from '../supervision/download';

export interface ExportSlice {
  fileName: string;
  /** Base64 of the file's bytes from the offset asked. */
  data: string;
  nextOffset: number | null;
}

export interface AssembledExport {
  fileName: string;
  blob: Blob;
}

/** Reads every slice from offset 0 until the backend says there is no more. */
export async function assembleExport(fetchSlice: (offset: number) => Promise<ExportSlice>): Promise<AssembledExport> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let fileName = 'export.csv';
  for (;;) {
    const slice = await fetchSlice(offset);
    fileName = slice.fileName;
    parts.push(base64ToBytes(slice.data));
    if (slice.nextOffset === null) break;
    // A backend that did not move on would loop for ever: stop with a sentence instead.
    if (slice.nextOffset <= offset) throw new Error(`The export could not be read past byte ${offset}.`);
    offset = slice.nextOffset;
  }
  return { fileName, blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }) };
}

/** Hands a Blob to the browser's (or Electron's) download as a file. */
export function saveBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some engines: wait a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
