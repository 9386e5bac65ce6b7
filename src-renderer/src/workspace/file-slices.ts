/**
 * An import file sent in slices (import.append): the raw bytes, base64-encoded, so a slice boundary never splits a
 * character and the backend sees the file exactly as it is (a byte-order mark, CRLF line ends, bytes that are not
 * UTF-8 — its validation report names them). The file is never held in memory whole.
 */
import type { z } from 'zod';
import type { importFormat } from '../../../src-main/contract';

/**
 * 720 KiB of file per call: base64 makes it 960 KiB, which with the call's envelope stays under the web host's
 * 1 MiB request limit. A multiple of 3, so no slice but the last carries base64 padding.
 */
export const SLICE_BYTES = 720 * 1024;

export type ImportFormat = z.infer<typeof importFormat>;

/** The format the backend parses, from the file's name; null for anything else. */
export function importFormatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  return null;
}

export interface FileSlice {
  base64: string;
  /** Bytes of the file read so far (for "sending 3.0 of 12.5 MB"). */
  bytesRead: number;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: 32 K at a time stays far below any engine's limit.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Yields the file slice by slice; an empty file yields nothing (the backend then reports it as empty). */
export async function* fileSlices(file: Blob, sliceBytes = SLICE_BYTES): AsyncGenerator<FileSlice> {
  for (let start = 0; start < file.size; start += sliceBytes) {
    const end = Math.min(file.size, start + sliceBytes);
    const bytes = new Uint8Array(await file.slice(start, end).arrayBuffer());
    yield { base64: bytesToBase64(bytes), bytesRead: end };
  }
}
