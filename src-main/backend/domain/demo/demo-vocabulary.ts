/**
 * Word lists for synthetic demo individuals. All people, streets and firms are invented; phone numbers use the
 * 555-01xx range reserved for fiction.
 */

export const COMMON_FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen', 'Daniel', 'Lisa',
  'Matthew', 'Nancy', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley', 'Andrew', 'Emily', 'Kevin',
  'Michelle', 'Brian', 'Amanda', 'Priya', 'Wei', 'Mohammed', 'Aisha', 'Hiroshi', 'Mei', 'Olga', 'Dmitri', 'Fatima',
  'Kwame', 'Ngozi', 'Carlos', 'Maria', 'Luis', 'Rachel', 'Samuel', 'Grace', 'Ethan', 'Olivia', 'Noah', 'Sophia',
] as const;

/** A few names with accents, hyphens or apostrophes, so every screen and file path meets them. */
export const SPECIAL_FIRST_NAMES = [
  'José', 'Zoë', 'Renée', 'Chloé', 'André', 'Inés', 'Lucía', 'Björn', 'Siobhán', 'Jean-Luc', 'Mary-Kate', "D'Andre",
] as const;

export const COMMON_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young',
  'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker',
  'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Patel', 'Shah', 'Kim', 'Chen', 'Wang', 'Cohen',
  'Goldberg', 'Kowalski', 'Novak', 'Schmidt', 'Okafor', 'Tanaka', 'Ivanova',
] as const;

export const SPECIAL_LAST_NAMES = [
  "O'Brien", "O'Connor", "D'Angelo", 'Núñez', 'Peña', 'Muñoz', 'Ibáñez', 'Müller', 'Smith-Jones', 'García-López',
  'Lefèvre', 'Van der Berg',
] as const;

/** Personal mailbox providers with rough shares. */
export const EMAIL_PROVIDERS: readonly (readonly [string, number])[] = [
  ['gmail.com', 40], ['yahoo.com', 14], ['outlook.com', 12], ['icloud.com', 10], ['hotmail.com', 8], ['aol.com', 4],
  ['comcast.net', 4], ['protonmail.com', 3], ['verizon.net', 3], ['me.com', 2],
];

/** Invented broker-dealer domains: a person's former firm (R21 warns when it is used as the enrollment email). */
export const FIRM_DOMAINS = [
  'hartwellsecurities.com', 'northgatecapital.com', 'bluecrestfinancial.com', 'meridianwealthpartners.com',
  'granitepeakinvestments.com', 'harborlightbrokerage.com', 'summitridgeadvisors.com', 'oakmontsecurities.com',
] as const;

export const STREET_NAMES = [
  'Main', 'Oak', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Pine', 'Sunset', 'Highland',
  'Madison', 'Jefferson', 'Lincoln', 'Franklin', 'Church', 'River', 'Spring', 'Chestnut', 'Walnut', 'Willow',
  'Broad', 'Market', 'Union', 'Forest', 'Meadow', 'Ridge', 'Valley', 'Harbor',
] as const;

export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Blvd', 'Dr', 'Ln', 'Ct', 'Pl', 'Way', 'Ter'] as const;

/** City, state, first three ZIP digits, area code — real combinations so addresses look right on screen. */
export const PLACES: readonly { city: string; state: string; zip3: string; area: string }[] = [
  { city: 'New York', state: 'NY', zip3: '100', area: '212' },
  { city: 'Brooklyn', state: 'NY', zip3: '112', area: '718' },
  { city: 'Buffalo', state: 'NY', zip3: '142', area: '716' },
  { city: 'Albany', state: 'NY', zip3: '122', area: '518' },
  { city: 'Jersey City', state: 'NJ', zip3: '073', area: '201' },
  { city: 'Princeton', state: 'NJ', zip3: '085', area: '609' },
  { city: 'Stamford', state: 'CT', zip3: '069', area: '203' },
  { city: 'Boston', state: 'MA', zip3: '021', area: '617' },
  { city: 'Philadelphia', state: 'PA', zip3: '191', area: '215' },
  { city: 'Pittsburgh', state: 'PA', zip3: '152', area: '412' },
  { city: 'Chicago', state: 'IL', zip3: '606', area: '312' },
  { city: 'Houston', state: 'TX', zip3: '770', area: '713' },
  { city: 'Dallas', state: 'TX', zip3: '752', area: '214' },
  { city: 'Austin', state: 'TX', zip3: '787', area: '512' },
  { city: 'Los Angeles', state: 'CA', zip3: '900', area: '213' },
  { city: 'San Francisco', state: 'CA', zip3: '941', area: '415' },
  { city: 'San Diego', state: 'CA', zip3: '921', area: '619' },
  { city: 'Irvine', state: 'CA', zip3: '926', area: '949' },
  { city: 'Miami', state: 'FL', zip3: '331', area: '305' },
  { city: 'Tampa', state: 'FL', zip3: '336', area: '813' },
  { city: 'Boca Raton', state: 'FL', zip3: '334', area: '561' },
  { city: 'Atlanta', state: 'GA', zip3: '303', area: '404' },
  { city: 'Charlotte', state: 'NC', zip3: '282', area: '704' },
  { city: 'Columbus', state: 'OH', zip3: '432', area: '614' },
  { city: 'Minneapolis', state: 'MN', zip3: '554', area: '612' },
  { city: 'Denver', state: 'CO', zip3: '802', area: '303' },
  { city: 'Phoenix', state: 'AZ', zip3: '850', area: '602' },
  { city: 'Seattle', state: 'WA', zip3: '981', area: '206' },
  { city: 'St. Louis', state: 'MO', zip3: '631', area: '314' },
  { city: 'Baltimore', state: 'MD', zip3: '212', area: '410' },
  { city: 'Richmond', state: 'VA', zip3: '232', area: '804' },
  { city: 'Washington', state: 'DC', zip3: '200', area: '202' },
  { city: 'Nashville', state: 'TN', zip3: '372', area: '615' },
  { city: 'Omaha', state: 'NE', zip3: '681', area: '402' },
  { city: 'Salt Lake City', state: 'UT', zip3: '841', area: '801' },
  { city: 'Milwaukee', state: 'WI', zip3: '532', area: '414' },
  { city: 'New Orleans', state: 'LA', zip3: '701', area: '504' },
  { city: 'Las Vegas', state: 'NV', zip3: '891', area: '702' },
  { city: 'Portland', state: 'OR', zip3: '972', area: '503' },
  { city: 'Detroit', state: 'MI', zip3: '482', area: '313' },
  { city: 'San Juan', state: 'PR', zip3: '009', area: '787' },
];

export interface CategoryInfo {
  category: string;
  series: string;
  level: 'representative' | 'principal' | 'state';
}

/** MQP-RULES.md §1 categories, weighted by how common they are. */
export const REPRESENTATIVE_CATEGORIES: readonly (readonly [CategoryInfo, number])[] = [
  [{ category: 'GS', series: '7', level: 'representative' }, 40],
  [{ category: 'IR', series: '6', level: 'representative' }, 20],
  [{ category: 'OS', series: '99', level: 'representative' }, 8],
  [{ category: 'RS', series: '86', level: 'representative' }, 6],
  [{ category: 'TD', series: '57', level: 'representative' }, 5],
  [{ category: 'DR', series: '22', level: 'representative' }, 4],
  [{ category: 'IB', series: '79', level: 'representative' }, 4],
  [{ category: 'PR', series: '82', level: 'representative' }, 3],
];

export const PRINCIPAL_CATEGORIES: readonly (readonly [CategoryInfo, number])[] = [
  [{ category: 'GP', series: '24', level: 'principal' }, 40],
  [{ category: 'SU', series: '9', level: 'principal' }, 15],
  [{ category: 'FN', series: '27', level: 'principal' }, 12],
  [{ category: 'IP', series: '26', level: 'principal' }, 12],
  [{ category: 'DP', series: '4', level: 'principal' }, 8],
];

export const STATE_CATEGORIES: readonly (readonly [CategoryInfo, number])[] = [
  [{ category: 'AG', series: '63', level: 'state' }, 60],
  [{ category: 'RA', series: '65', level: 'state' }, 25],
  [{ category: 'UG', series: '66', level: 'state' }, 15],
];
