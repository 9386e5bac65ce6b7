/**
 * Saving an export (audit.exportPdf, audit.exportJsonl) as a file: the content travels as text in the envelope
 * (binary as base64), becomes a Blob here, and an <a download> hands it to the browser's or Electron's download.
 */
import type { ExportFile } from '../../../src-main/contract';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function exportBlob(file: ExportFile): Blob {
  const content = file.encoding === 'base64' ? base64ToBytes(file.content) : file.content;
  return new Blob([content], { type: file.mediaType });
}

export function downloadExport(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(exportBlob(file));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob by now; revoking at once can cancel it in some engines, so wait a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
