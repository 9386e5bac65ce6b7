/**
 * `mqp demo-data --count N [--seed S] --out FILE.jsonl|-`: synthetic individuals, one JSON object per line, in the
 * shape `mqp import` reads. Streams with backpressure (a million lines never sit in memory); progress on stderr.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { generateDemoIndividuals, MAX_DEMO_COUNT } from '../../backend/domain';
import { parse, UsageError, withUsage } from '../args';
import type { CliIo } from '../io';

const USAGE = 'mqp demo-data --count N [--seed S] --out FILE.jsonl|-   (seed defaults to 1)';
const PROGRESS_EVERY = 100_000;
const CHUNK_CHARS = 256 * 1024;

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } }, USAGE);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".\nUsage: ${USAGE}`);
    const count = parseCount(values.count);
    const seed = values.seed ?? '1';
    if (seed.trim() === '' || seed.length > 100) throw new UsageError(`--seed must be 1 to 100 characters, e.g. --seed 42.\nUsage: ${USAGE}`);
    const out = values.out;
    if (!out) throw new UsageError(`--out is required: a .jsonl file, or - for stdout.\nUsage: ${USAGE}`);

    const stream = out === '-' ? io.stdout : await openFile(out);
    let failure: Error | null = null;
    const onError = (error: Error) => (failure ??= error);
    stream.on('error', onError);
    try {
      let chunk = '';
      let written = 0;
      for (const record of generateDemoIndividuals(count, seed)) {
        chunk += `${JSON.stringify(record)}\n`;
        written++;
        if (chunk.length >= CHUNK_CHARS || written % PROGRESS_EVERY === 0) {
          await send(stream, chunk, () => failure);
          chunk = '';
        }
        if (written % PROGRESS_EVERY === 0) io.stderr.write(`demo-data: ${written} of ${count} lines written\n`);
      }
      if (chunk) await send(stream, chunk, () => failure);
      if (out !== '-') {
        stream.end();
        await once(stream, 'finish');
      } else {
        await new Promise<void>((resolve) => stream.write('', () => resolve()));
      }
      if (failure) throw failure;
      io.stderr.write(`demo-data: wrote ${count} individuals (seed ${seed}) to ${out === '-' ? 'stdout' : out}\n`);
      return 0;
    } catch (error) {
      const err = (failure ?? error) as NodeJS.ErrnoException;
      if (err.code === 'EPIPE') return 0; // the reader stopped early (e.g. `| head`): not an error of ours
      io.stderr.write(`demo-data: writing ${out} failed: ${err.message}\n`);
      return 1;
    } finally {
      stream.off('error', onError);
    }
  });
}

function parseCount(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`--count is required, e.g. --count 1000.\nUsage: ${USAGE}`);
  const count = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_COUNT) {
    throw new UsageError(`--count "${raw}" must be a whole number from 1 to ${MAX_DEMO_COUNT}.\nUsage: ${USAGE}`);
  }
  return count;
}

async function openFile(path: string): Promise<NodeJS.WritableStream> {
  const stream = createWriteStream(path, { encoding: 'utf8' });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new UsageError(`Cannot write ${path}: ${(error as Error).message}`);
  }
  return stream;
}

/** Writes a chunk, waiting for 'drain' when the stream's buffer is full (backpressure). */
async function send(stream: NodeJS.WritableStream, chunk: string, failure: () => Error | null): Promise<void> {
  if (failure()) throw failure();
  if (!stream.write(chunk)) await once(stream, 'drain');
}
