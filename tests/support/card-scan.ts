/** Scans every file under the given folders (databases, WAL files, logs) for the test card numbers (DESIGN §5). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_CARD_NUMBERS = ['4242424242424242', '4000000000000002', '4000000000000259'];

export function filesHoldingCardNumbers(...roots: string[]): string[] {
  const hits: string[] = [];
  const visit = (path: string) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return; // removed while we looked (a WAL checkpoint)
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    const bytes = readFileSync(path);
    for (const number of TEST_CARD_NUMBERS) {
      // As text, and as UTF-16 in case a tool wrote it that way.
      if (bytes.includes(Buffer.from(number, 'utf8')) || bytes.includes(Buffer.from(number, 'utf16le'))) hits.push(`${path}: ${number}`);
    }
  };
  roots.forEach(visit);
  return hits;
}
