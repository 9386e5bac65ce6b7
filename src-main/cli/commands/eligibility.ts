/**
 * `mqp eligibility --as-of YYYY-MM-DD FILE|-`: evaluates MQP-RULES.md §4 input JSON (one object or an array of
 * them) and prints the §4 output in the same shape. Malformed input → exit 2, every problem on stderr named by its
 * path (`[1].registrations[0].startDate: is not a real calendar date`), nothing on stdout.
 */
import type { z } from 'zod';
import { evaluateEligibility } from '../../backend/domain';
import { eligibilityInput, isoDate, type EligibilityInput } from '../../contract/schemas';
import { parse, UsageError, withUsage } from '../args';
import { readInput, type CliIo } from '../io';

const USAGE = 'mqp eligibility --as-of YYYY-MM-DD FILE|-';
const MAX_PROBLEMS_SHOWN = 20;

export function run(args: string[], io: CliIo): Promise<number> {
  return withUsage(io, async () => {
    const { values, positionals } = parse(args, { 'as-of': { type: 'string' } }, USAGE);
    const asOf = values['as-of'];
    if (asOf === undefined) throw new UsageError(`--as-of is required: the date to judge on, YYYY-MM-DD.\nUsage: ${USAGE}`);
    const date = isoDate.safeParse(asOf);
    if (!date.success) throw new UsageError(`--as-of "${asOf}" ${date.error.issues[0].message}.\nUsage: ${USAGE}`);
    if (positionals.length !== 1) throw new UsageError(`Give exactly one input file, or - for stdin.\nUsage: ${USAGE}`);

    const source = positionals[0];
    const text = await readSource(source, io);
    const json = parseJson(text, source);
    const records = validate(json);

    const results = records.map((record) => evaluateEligibility(record, asOf));
    const output = Array.isArray(json) ? results : results[0];
    await write(io.stdout, `${JSON.stringify(output, null, 2)}\n`);
    return 0;
  });
}

async function readSource(source: string, io: CliIo): Promise<string> {
  try {
    return await readInput(source, io);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new UsageError(`Cannot read ${source}: ${why}.`);
  }
}

function parseJson(text: string, source: string): unknown {
  const name = source === '-' ? 'stdin' : source;
  if (text.trim() === '') throw new UsageError(`The input (${name}) is empty: give a §4 input object or an array of them.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The input (${name}) is not valid JSON: ${(error as Error).message}`);
  }
}

function validate(json: unknown): EligibilityInput[] {
  const items = Array.isArray(json) ? json : [json];
  const problems: string[] = [];
  items.forEach((item, index) => {
    const prefix: PropertyKey[] = Array.isArray(json) ? [index] : [];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.push(`${formatPath(prefix)}: must be an object with crd, registrations and disqualifications`);
      return;
    }
    const parsed = eligibilityInput.safeParse(item);
    if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${formatPath([...prefix, ...issue.path])}: ${describe(issue)}`);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
    const more = problems.length - shown.length;
    throw new UsageError(
      `The input does not match the §4 eligibility input:\n${shown.map((p) => `  ${p}`).join('\n')}` +
        (more > 0 ? `\n  … and ${more} more` : ''),
    );
  }
  return items.map((item) => eligibilityInput.parse(item));
}

/** `[1].registrations[0].startDate`; the whole input is `(input)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(input)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}

/** A short "what is wrong" in the words of our own schema messages ("is required", "must be …"). */
function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return /received undefined/.test(issue.message) ? 'is required' : `must be ${withArticle(issue.expected)} (${issue.message.replace(/^.*(received \w+)$/, '$1')})`;
  }
  if (issue.code === 'invalid_union') {
    const alternatives = issue.errors.flat();
    if (alternatives.length > 0 && alternatives.every((a) => /received undefined/.test(a.message))) return 'is required';
    const expected = alternatives.flatMap((a) => (a.code === 'invalid_type' ? [a.expected] : []));
    return expected.length > 0 ? `must be ${expected.map(withArticle).join(' or ')}` : issue.message;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  if (issue.code === 'unrecognized_keys') return `has unknown field(s) ${issue.keys.join(', ')}`;
  return issue.message;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));
}
