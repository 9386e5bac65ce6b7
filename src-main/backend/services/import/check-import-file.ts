/**
 * Checks a whole import file — JSON lines (the §4 shape of `mqp demo-data`) or the flat CSV — before anything is
 * written, and builds the validation report: line, field, problem. Stricter than `importIndividuals` about the
 * file's shape, as a file picked in the console may be the wrong one: a field or column the format does not know is
 * a problem, not silently dropped. Once a file passes, `importLines` feeds it to `importIndividuals` as JSON lines.
 */
import type { z } from 'zod';
import { address, disqualificationInput, individualRecord, registrationInput } from '../../../contract';
import { csvIndividuals, csvProblemAt } from './csv-individuals';
import type { ImportProblem } from './import-individuals';
import { readCsvRows, CsvReadError } from './read-csv-rows';
import { readRecordLines } from './read-record-lines';
import { SeenCrds } from './seen-crds';

export type ImportFileFormat = 'jsonl' | 'csv';

export interface ImportCheck {
  problems: ImportProblem[];
  /** Individuals found (valid or not). */
  records: number;
}

export interface CheckOptions {
  /** How many problems to report before giving up on reading further. */
  maxProblems?: number;
  onProgress?: (records: number) => void;
  isCancelled?: () => boolean;
}

/** Thrown between records once the task was cancelled. */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

const PROGRESS_EVERY = 1000;
const NO_RECORDS: ImportProblem = { line: 0, field: 'file', problem: 'the file holds no records' };

export async function checkImportFile(file: string, format: ImportFileFormat, options: CheckOptions = {}): Promise<ImportCheck> {
  const maxProblems = options.maxProblems ?? 100;
  const problems: ImportProblem[] = [];
  let records = 0;

  const tick = () => {
    records += 1;
    if (records % PROGRESS_EVERY === 0) {
      if (options.isCancelled?.()) throw new ImportCancelled();
      options.onProgress?.(records);
    }
  };

  if (format === 'jsonl') {
    // One bit per CRD (seen-crds.ts); the first lines of the CRDs met twice are looked up afterwards, in a second
    // read of the file, only if there are any.
    const seen = new SeenCrds();
    const repeated: { problem: ImportProblem; crd: string }[] = [];
    for await (const item of readRecordLines(file)) {
      if ('refused' in item) problems.push({ line: item.line, field: 'line', problem: item.refused });
      else if (item.text.trim() !== '') {
        tick();
        const record = checkJsonLine(item.text, item.line, problems);
        if (record && !seen.add(record.crd)) {
          const problem = { line: item.line, field: 'crd', problem: '' };
          problems.push(problem);
          repeated.push({ problem, crd: record.crd });
        }
      }
      if (problems.length >= maxProblems) break;
    }
    if (repeated.length > 0) await nameFirstLines(file, repeated);
  } else {
    try {
      // Rows of one CRD are one individual; a CRD seen again after others is reported while grouping.
      for await (const individual of csvIndividuals(readCsvRows(file), problems)) {
        tick();
        const parsed = individualRecord.safeParse(individual.record);
        if (!parsed.success) for (const issue of parsed.error.issues) problems.push(csvProblemAt(individual, issue.path, issue.message));
        if (problems.length >= maxProblems) break;
      }
    } catch (error) {
      if (!(error instanceof CsvReadError)) throw error;
      problems.push({ line: error.line, field: 'line', problem: error.message });
    }
  }
  if (records === 0 && problems.length === 0) problems.push(NO_RECORDS);
  return { problems: problems.slice(0, maxProblems), records };
}

/** Completes the problems of CRDs met again with the line each was first met on. */
async function nameFirstLines(file: string, repeated: { problem: ImportProblem; crd: string }[]): Promise<void> {
  const firstLine = new Map(repeated.map(({ crd }) => [crd, 0]));
  for await (const item of readRecordLines(file)) {
    if ('refused' in item || item.text.trim() === '') continue;
    // As in the first read: only a line that passes counts as the CRD's first.
    const crd = checkJsonLine(item.text, item.line, [])?.crd;
    if (crd !== undefined && firstLine.get(crd) === 0) firstLine.set(crd, item.line);
  }
  for (const { problem, crd } of repeated) problem.problem = `CRD ${crd} appears more than once in this file (first on line ${firstLine.get(crd)})`;
}

/** The individuals of a checked file, one JSON line each, as `importIndividuals` reads them. */
export async function* importLines(file: string, format: ImportFileFormat, isCancelled: () => boolean = () => false): AsyncGenerator<string> {
  let count = 0;
  const source = format === 'jsonl' ? jsonTexts(file) : csvTexts(file);
  for await (const text of source) {
    if (++count % PROGRESS_EVERY === 0 && isCancelled()) throw new ImportCancelled();
    yield text;
  }
}

async function* jsonTexts(file: string): AsyncGenerator<string> {
  for await (const item of readRecordLines(file)) {
    if ('refused' in item) throw new Error(`line ${item.line} ${item.refused}, though the file passed its check`);
    if (item.text.trim() !== '') yield item.text;
  }
}

async function* csvTexts(file: string): AsyncGenerator<string> {
  const problems: ImportProblem[] = [];
  for await (const individual of csvIndividuals(readCsvRows(file), problems)) yield JSON.stringify(individual.record);
  if (problems.length > 0) throw new Error(`the file changed after its check: ${problems[0].problem}`);
}

function checkJsonLine(text: string, line: number, problems: ImportProblem[]): z.output<typeof individualRecord> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push({ line, field: 'line', problem: `not valid JSON (${(error as Error).message})` });
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.push({ line, field: 'line', problem: 'must be one JSON object (one individual) per line' });
    return null;
  }
  const unknown = unknownFields(json as Record<string, unknown>);
  for (const field of unknown) problems.push({ line, field, problem: 'is not a field of the import format' });
  const parsed = individualRecord.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ line, field: issue.path.length ? issue.path.join('.') : 'record', problem: issue.message });
    return null;
  }
  return unknown.length === 0 ? parsed.data : null;
}

const FIELDS = {
  record: Object.keys(individualRecord.shape),
  address: Object.keys(address.shape),
  registration: Object.keys(registrationInput.shape),
  disqualification: Object.keys(disqualificationInput.shape),
};

/** Dotted paths of fields the §4 record does not have (a misspelt or foreign field). */
function unknownFields(json: Record<string, unknown>): string[] {
  const extra = (value: unknown, known: string[], prefix: string) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).filter((k) => !known.includes(k)).map((k) => prefix + k) : [];
  const each = (list: unknown, known: string[], prefix: string) => (Array.isArray(list) ? list.flatMap((item, i) => extra(item, known, `${prefix}.${i}.`)) : []);
  return [
    ...extra(json, FIELDS.record, ''),
    ...extra(json.address, FIELDS.address, 'address.'),
    ...each(json.registrations, FIELDS.registration, 'registrations'),
    ...each(json.disqualifications, FIELDS.disqualification, 'disqualifications'),
  ];
}
