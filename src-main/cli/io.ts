/** Streams a command writes to; tests pass their own to capture output. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const processIo: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

/** Reads a whole file, or stdin when the path is "-". */
export async function readInput(path: string, io: CliIo): Promise<string> {
  if (path !== '-') {
    const { readFile } = await import('node:fs/promises');
    return readFile(path, 'utf8');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
