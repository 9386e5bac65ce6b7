/**
 * The flat CSV import format: one row per registration, the person's columns repeated on each row; consecutive rows
 * with the same CRD are one individual. A row whose registration columns are all empty adds no registration (a
 * person without any). Empty optional cells are null. Disqualifications and firm domains are not part of this
 * format (JSON lines carry them); a re-import replaces the individual's registrations, as the JSON-lines import does.
 */
import type { ImportProblem } from './import-individuals';
import type { CsvRow } from './read-csv-rows';

const CSV_PERSON_COLUMNS = [
  'crd', 'first_name', 'last_name', 'date_of_birth', 'email', 'phone', 'street', 'city', 'state', 'zip', 'country', 'finpro_last_login',
] as const;
const CSV_REGISTRATION_COLUMNS = ['category', 'series', 'level', 'start_date', 'termination_date', 'termination_type'] as const;
export const CSV_COLUMNS: readonly string[] = [...CSV_PERSON_COLUMNS, ...CSV_REGISTRATION_COLUMNS];

/** The record field each column fills, so that a problem found on the record names the column back. */
const FIELD_OF_COLUMN: Record<string, string> = {
  crd: 'crd', first_name: 'firstName', last_name: 'lastName', date_of_birth: 'dateOfBirth', email: 'email', phone: 'phone',
  street: 'address.street', city: 'address.city', state: 'address.state', zip: 'address.zip', country: 'address.country',
  finpro_last_login: 'finproLastLogin', category: 'category', series: 'series', level: 'level', start_date: 'startDate',
  termination_date: 'terminationDate', termination_type: 'terminationType',
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column]));

/** One individual read from consecutive rows: the input for the record schema, and where each part came from. */
export interface CsvIndividual {
  line: number;
  record: Record<string, unknown>;
  /** The line of each registration, in order. */
  registrationLines: number[];
}

interface Group {
  key: string;
  line: number;
  person: string[];
  registrations: { line: number; values: string[] }[];
}

/**
 * Groups the rows into individuals, checking the header (every column once, no other), the number of fields per
 * row, that a CRD's rows are together, and that they agree on the person's columns. Problems go to `problems`.
 */
export async function* csvIndividuals(rows: AsyncIterable<CsvRow>, problems: ImportProblem[]): AsyncGenerator<CsvIndividual> {
  let positions: number[] | null = null;
  let width = 0;
  let group: Group | null = null;
  const firstLineOfCrd = new Map<string, number>();

  for await (const row of rows) {
    if (positions === null) {
      positions = headerPositions(row, problems);
      if (positions === null) return;
      width = row.values.length;
      continue;
    }
    if (row.values.length !== width) {
      problems.push({ line: row.line, field: 'line', problem: `has ${row.values.length} fields where the header names ${width}` });
      continue;
    }
    const cells = positions.map((p) => row.values[p].trim());
    const person = cells.slice(0, CSV_PERSON_COLUMNS.length);
    const registration = cells.slice(CSV_PERSON_COLUMNS.length);
    const key = person[0].replace(/^0+(?=\d)/, ''); // CRD: leading zeros are not significant

    if (group !== null && key === group.key) {
      const first = group;
      person.forEach((value, i) => {
        // i = 0 is the CRD, already equal once leading zeros are set aside.
        if (i > 0 && value !== first.person[i]) {
          const column = CSV_PERSON_COLUMNS[i];
          problems.push({ line: row.line, field: column, problem: `differs from line ${first.line}: every row of CRD ${key} must give the same ${column}` });
        }
      });
    } else {
      if (group !== null) yield individualOf(group);
      const earlier = firstLineOfCrd.get(key);
      if (earlier !== undefined) {
        problems.push({ line: row.line, field: 'crd', problem: `CRD ${key} already appeared on line ${earlier}, with other CRDs in between: keep all rows of one CRD together` });
      } else {
        firstLineOfCrd.set(key, row.line);
      }
      group = { key, line: row.line, person, registrations: [] };
    }
    if (registration.some((value) => value !== '')) group.registrations.push({ line: row.line, values: registration });
  }
  if (group !== null) yield individualOf(group);
}

/** Where each expected column sits in the file's header, or null (with problems) when the header is not right. */
function headerPositions(header: CsvRow, problems: ImportProblem[]): number[] | null {
  const names = header.values.map((name) => name.trim().toLowerCase());
  const before = problems.length;
  names.forEach((name, i) => {
    if (!CSV_COLUMNS.includes(name)) {
      problems.push({ line: header.line, field: name || `column ${i + 1}`, problem: `is not a column of the import format (the header must name: ${CSV_COLUMNS.join(', ')})` });
    } else if (names.indexOf(name) !== i) {
      problems.push({ line: header.line, field: name, problem: 'is named twice in the header' });
    }
  });
  for (const column of CSV_COLUMNS) {
    if (!names.includes(column)) problems.push({ line: header.line, field: column, problem: 'the header does not name this column, which the import format needs' });
  }
  return problems.length > before ? null : CSV_COLUMNS.map((column) => names.indexOf(column));
}

function individualOf(group: Group): CsvIndividual {
  const cell = (column: (typeof CSV_PERSON_COLUMNS)[number]) => group.person[CSV_PERSON_COLUMNS.indexOf(column)];
  const optional = (value: string) => (value === '' ? null : value);
  return {
    line: group.line,
    registrationLines: group.registrations.map((r) => r.line),
    record: {
      crd: cell('crd'),
      firstName: cell('first_name'),
      lastName: cell('last_name'),
      dateOfBirth: optional(cell('date_of_birth')),
      email: cell('email'),
      phone: optional(cell('phone')),
      address: { street: cell('street'), city: cell('city'), state: cell('state'), zip: cell('zip'), country: cell('country') },
      finproLastLogin: optional(cell('finpro_last_login')),
      registrations: group.registrations.map(({ values: [category, series, level, startDate, terminationDate, terminationType] }) => ({
        category, series: optional(series), level, startDate, terminationDate: optional(terminationDate), terminationType: optional(terminationType),
      })),
      disqualifications: [],
      firmDomains: [],
    },
  };
}

/** A problem the record schema found (by path), named by the CSV line and column it came from. */
export function csvProblemAt(individual: CsvIndividual, path: PropertyKey[], problem: string): ImportProblem {
  if (path[0] === 'registrations' && typeof path[1] === 'number') {
    const field = path.slice(2).join('.');
    return { line: individual.registrationLines[path[1]] ?? individual.line, field: COLUMN_OF_FIELD[field] ?? (field || 'category'), problem };
  }
  const field = path.map(String).join('.');
  return { line: individual.line, field: COLUMN_OF_FIELD[field] ?? (field || 'line'), problem };
}
