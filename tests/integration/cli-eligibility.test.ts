/** `mqp eligibility` and `mqp demo-data` as real processes (node bin/mqp.js), the way a user runs them. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eligibilityResult, individualRecord } from '../../src-main/contract/schemas';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'mqp-cli-eligibility-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function mqp(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/mqp.js', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

// C1 of MQP-RULES.md §5.
const c1 = {
  crd: '1234567',
  registrations: [{ category: 'GS', series: '7', level: 'representative', startDate: '2018-01-10', terminationDate: '2023-06-15', terminationType: 'full' }],
  disqualifications: [],
};
const c1Expected = { category: 'GS', eligible: true, reason: 'ELIGIBLE', window: 'standard', enrollBy: '2025-06-15', reregisterBy: '2028-06-15', feeUsd: 100 };

describe('mqp eligibility', () => {
  it('C1 one object in → one §4 result object out, exit 0', async () => {
    const run = await mqp(['eligibility', '--as-of', '2024-09-01', file('one.json', c1)]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const result = eligibilityResult.parse(JSON.parse(run.stdout));
    expect(result).toMatchObject({ crd: '1234567', asOf: '2024-09-01' });
    expect(result.qualifications[0]).toMatchObject(c1Expected);
  });

  it('an array in → an array out, same order; CRD leading zeros dropped', async () => {
    const state = { crd: '00765', registrations: [{ category: 'AG', series: '63', level: 'state', startDate: '2018-01-10', terminationDate: '2023-05-01' }] };
    const run = await mqp(['eligibility', '--as-of=2024-09-01', file('many.json', [c1, state])]);
    expect(run.code).toBe(0);
    const results = (JSON.parse(run.stdout) as unknown[]).map((r) => eligibilityResult.parse(r));
    expect(results.map((r) => [r.crd, r.qualifications[0].reason])).toEqual([['1234567', 'ELIGIBLE'], ['765', 'STATE_REGISTRATION']]);
  });

  it('reads stdin when FILE is -', async () => {
    const run = await mqp(['eligibility', '--as-of', '2025-06-16', '-'], JSON.stringify(c1));
    expect(run.code).toBe(0);
    expect(eligibilityResult.parse(JSON.parse(run.stdout)).qualifications[0]).toMatchObject({ reason: 'WINDOW_CLOSED', window: 'standard' }); // C3
  });

  it.each([
    { name: 'malformed JSON', args: (f: string) => ['--as-of', '2024-09-01', f], content: '{"crd": "1234567", "registrations": [', message: 'is not valid JSON' },
    { name: 'missing --as-of', args: (f: string) => [f], content: c1, message: '--as-of is required' },
    { name: 'an --as-of that is not a real date', args: (f: string) => ['--as-of', '2023-02-29', f], content: c1, message: '--as-of "2023-02-29" is not a real calendar date' },
    { name: 'a file that does not exist', args: () => ['--as-of', '2024-09-01', join(dir, 'missing.json')], content: c1, message: 'does not exist' },
    { name: 'an empty file', args: (f: string) => ['--as-of', '2024-09-01', f], content: '  \n', message: 'is empty' },
  ])('$name → exit 2, a message on stderr, nothing on stdout', async ({ args, content, message }) => {
    const run = await mqp(['eligibility', ...args(file('bad.json', content))]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('a schema error names each failing field by its path → exit 2, nothing on stdout', async () => {
    const bad = {
      crd: '7654321',
      registrations: [{ category: 'GS', level: 'representative', startDate: '2023-02-30', terminationDate: '2024-01-01' }],
    };
    const noCrd = { registrations: [{ ...c1.registrations[0], level: 'regional' }] };
    const run = await mqp(['eligibility', '--as-of', '2024-09-01', file('schema.json', [c1, bad, noCrd])]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('[1].registrations[0].startDate: is not a real calendar date');
    expect(run.stderr).toContain('[2].crd: is required');
    expect(run.stderr).toContain('[2].registrations[0].level: must be one of "representative", "principal", "state"');
    expect(run.stderr).not.toMatch(/^\s*\[0\]/m); // the valid first record is not blamed
  });

  it('a schema error in a single object names the field without an index', async () => {
    const run = await mqp(['eligibility', '--as-of', '2024-09-01', file('schema-one.json', { ...c1, disqualifications: [{ kind: 'fraud', date: '2023-01-01' }] })]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('disqualifications[0].kind: must be one of "statutory", "ce-inactive-2y"');
  });
});

describe('mqp demo-data', () => {
  it('writes N lines, each an individualRecord, the same for the same seed', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
    const runs = await Promise.all([
      mqp(['demo-data', '--count', '250', '--seed', '9', '--out', a]),
      mqp(['demo-data', '--count', '250', '--seed', '9', '--out', b]),
      mqp(['demo-data', '--count', '250', '--seed', '10', '--out', c]),
    ]);
    for (const run of runs) expect(run).toMatchObject({ code: 0, stdout: '' });
    const text = readFileSync(a, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    expect(lines).toHaveLength(250);
    for (const line of lines) individualRecord.parse(JSON.parse(line));
    expect(readFileSync(b, 'utf8')).toBe(text);
    expect(readFileSync(c, 'utf8')).not.toBe(text);
  });

  it('--out - writes the same lines to stdout', async () => {
    const file = join(dir, 'd.jsonl');
    const [toFile, toStdout] = await Promise.all([
      mqp(['demo-data', '--count', '120', '--seed', 'x', '--out', file]),
      mqp(['demo-data', '--count', '120', '--seed', 'x', '--out', '-']),
    ]);
    expect(toFile.code).toBe(0);
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it.each([
    { name: 'no --count', args: ['--out', '-'], message: '--count is required' },
    { name: '--count 0', args: ['--count', '0', '--out', '-'], message: '--count "0" must be a whole number' },
    { name: '--count abc', args: ['--count', 'abc', '--out', '-'], message: '--count "abc" must be a whole number' },
    { name: 'no --out', args: ['--count', '5'], message: '--out is required' },
    { name: 'an unknown option', args: ['--count', '5', '--out', '-', '--fast'], message: "Unknown option '--fast'" },
    { name: 'an unwritable --out', args: ['--count', '5', '--out', '/nonexistent-dir/x.jsonl'], message: 'Cannot write /nonexistent-dir/x.jsonl' },
  ])('$name → exit 2 with a message, nothing on stdout', async ({ args, message }) => {
    const run = await mqp(['demo-data', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
