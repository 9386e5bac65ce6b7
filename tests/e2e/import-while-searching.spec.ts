/**
 * Issue 5: the import runs off the thread that answers the console. A supervisor imports a large file from the
 * Review screen; meanwhile an agent types into the caller search on another screen and gets results — while the
 * import is still running. Then the imported people are found too.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { generateDemoIndividuals } from '../../src-main/backend/domain';
import { LookupPage } from './pages/lookup-page';
import { SignInPage } from './pages/sign-in-page';
import { DEMO_PASSWORD, NOW } from './support/demo-callers';
import { useStation } from './support/fixtures';

const station = useStation({ demoCount: 300, now: NOW, extraArgs: ['--no-central'] });
const RECORDS = 40_000;

test('an agent searches and gets results while a supervisor’s 40,000-record import runs', async ({ browser }, testInfo) => {
  const file = testInfo.outputPath('big-import.jsonl');
  const lines = [...generateDemoIndividuals(RECORDS, 99)].map((r, i) =>
    JSON.stringify({ ...r, crd: String(70_000_000 + i), lastName: i === RECORDS - 1 ? 'Zephyrine' : r.lastName }),
  );
  writeFileSync(file, lines.join('\n'));

  // The agent is at work before the import starts (signing in writes, and writes wait while an import writes).
  const agent = await browser.newPage();
  const signIn = new SignInPage(agent);
  await signIn.open(station.current.url);
  await signIn.signIn('agent1', DEMO_PASSWORD);
  const lookup = new LookupPage(agent);

  const supervisor = await browser.newPage();
  await new SignInPage(supervisor).open(station.current.url);
  await new SignInPage(supervisor).signIn('super1', DEMO_PASSWORD);
  await supervisor.getByTestId('nav-workspace').click();
  await supervisor.getByTestId('import-file').setInputFiles(file);
  await supervisor.getByTestId('import-start').click();
  const progress = supervisor.getByTestId('import-progress');
  // Past the upload: the backend is checking and writing the file.
  await expect(progress).toContainText(/Checking and importing/, { timeout: 60_000 });

  // Search again and again until the import ends: through its checking and its writing, every search is answered.
  const answers: number[] = [];
  const terms = ['Smi', 'Joh', 'Gar', 'Lee', 'Mar', 'Bro', 'Dav', 'Wil'];
  while ((await supervisor.getByTestId('import-outcome').count()) === 0) {
    const started = Date.now();
    await lookup.searchBox.fill(terms[answers.length % terms.length]);
    await expect(lookup.rows.first()).toBeVisible();
    answers.push(Date.now() - started);
    await lookup.searchBox.fill('');
    expect(answers.length, 'the import should end within 300 searches').toBeLessThan(300);
  }
  expect(answers.length).toBeGreaterThan(5);
  await expect(supervisor.getByTestId('import-outcome')).toContainText(/40,000/);
  await lookup.searchBox.fill('Zephyrine');
  await expect(lookup.rows.first()).toContainText('Zephyrine');
  testInfo.annotations.push({ type: 'search while importing (ms)', description: answers.join(', ') });
});
