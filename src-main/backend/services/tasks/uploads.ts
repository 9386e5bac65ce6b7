/**
 * Import files arriving from the console in slices (import.begin → import.append* → import.start). Each slice is
 * the file's raw bytes in base64, so a slice boundary can never split a UTF-8 character; the bytes go straight to a
 * file in the station's task folder, so even a file of hundreds of megabytes is never held in memory.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../contract';
import { removeTaskFile } from './task-files';

export type ImportFormat = 'jsonl' | 'csv';

export interface Upload {
  readonly id: string;
  readonly ownerStaffId: number;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly file: string;
  bytes: number;
  touchedAtMs: number;
}

/** 2 GiB: well above a million individuals (~500 MB of JSON lines). */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function createUploads(dir: string) {
  const uploads = new Map<string, Upload>();

  function own(id: string, staffId: number): Upload {
    const upload = uploads.get(id);
    if (!upload || upload.ownerStaffId !== staffId) {
      throw new AppError('NOT_FOUND', `There is no upload ${id} of yours in progress (an unfinished upload is dropped after an hour). Choose the file again.`);
    }
    return upload;
  }

  function discard(upload: Upload): void {
    uploads.delete(upload.id);
    removeTaskFile(upload.file);
  }

  return {
    begin(ownerStaffId: number, fileName: string, format: ImportFormat, nowMs = Date.now()): Upload {
      const id = randomUUID();
      const upload: Upload = { id, ownerStaffId, fileName, format, file: join(dir, `upload-${id}.${format}`), bytes: 0, touchedAtMs: nowMs };
      writeFileSync(upload.file, '', { mode: 0o600 });
      uploads.set(id, upload);
      return upload;
    },

    append(id: string, staffId: number, chunk: string, nowMs = Date.now()): Upload {
      const upload = own(id, staffId);
      if (!BASE64.test(chunk)) throw new AppError('INVALID_INPUT', 'chunk: must be the next slice of the file in base64', { issues: [{ path: ['chunk'], message: 'must be base64' }] });
      const bytes = Buffer.from(chunk, 'base64');
      if (upload.bytes + bytes.length > MAX_UPLOAD_BYTES) {
        discard(upload);
        throw new AppError('INVALID_INPUT', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB, the most one import takes. Split it into smaller files.`, {
          issues: [{ path: ['chunk'], message: 'the file is too large' }],
        });
      }
      appendFileSync(upload.file, bytes);
      upload.bytes += bytes.length;
      upload.touchedAtMs = nowMs;
      return upload;
    },

    /** Hands the finished upload to its import (which deletes the file when done). */
    take(id: string, staffId: number): Upload {
      const upload = own(id, staffId);
      uploads.delete(id);
      return upload;
    },

    discard,

    /** Drops uploads untouched since `cutoffMs` (the console went away mid-upload). */
    sweep(cutoffMs: number): void {
      for (const upload of uploads.values()) if (upload.touchedAtMs < cutoffMs) discard(upload);
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
