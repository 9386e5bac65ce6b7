/**
 * Every screen a journey reaches is checked the same way: axe-core finds no serious or critical violation, and a
 * screenshot is kept in test-results/e2e-artifacts/ (CI keeps that folder as an artifact).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ARTIFACTS_DIR = join('test-results', 'e2e-artifacts');
export const README_SCREENSHOTS_DIR = join('docs', 'screenshots');

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Renderer bugs found by these checks and reported to the lead, each tolerated only on the exact rule and element
 * named here. When one is fixed, its entry fails the check (see below) so the list cannot go stale.
 */
export const KNOWN_RENDERER_BUGS: { rule: string; target: string; screens: RegExp; bug: string }[] = [];

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now, in a form that reads well in a failed assertion. */
export async function blockingAxeViolations(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

function isKnown(finding: AxeFinding, target: string, screen: string): boolean {
  return KNOWN_RENDERER_BUGS.some((k) => k.rule === finding.id && k.target === target && k.screens.test(screen));
}

/** Findings minus the known bugs on this screen; a known bug that no longer shows is reported too. */
function unexpectedFindings(findings: AxeFinding[], screen: string): (AxeFinding | string)[] {
  const left: (AxeFinding | string)[] = findings
    .map((f) => ({ ...f, targets: f.targets.filter((t) => !isKnown(f, t, screen)) }))
    .filter((f) => f.targets.length > 0);
  for (const k of KNOWN_RENDERER_BUGS) {
    if (!k.screens.test(screen)) continue;
    const seen = findings.some((f) => f.id === k.rule && f.targets.includes(k.target));
    if (!seen) left.push(`fixed? ${k.rule} on ${k.target} no longer shows on ${screen}: remove it from KNOWN_RENDERER_BUGS`);
  }
  return left;
}

/** axe + an artifact screenshot, named after the test file and the screen. */
export async function checkScreen(page: Page, testInfo: TestInfo, screen: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const spec = testInfo.titlePath[0].replace(/\.spec\.ts$/, '').replace(/[^\w-]+/g, '-');
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${spec}--${screen}.png`), fullPage: options.fullPage ?? true, animations: 'disabled' });
  expect(unexpectedFindings(await blockingAxeViolations(page), screen), `axe: serious or critical violations on the ${screen} screen`).toEqual([]);
}

/** A README screenshot at the configured 1280×800 viewport. */
export async function readmeScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(README_SCREENSHOTS_DIR, { recursive: true });
  // The pointer stays where the last click left it; parked in a corner, it hovers nothing in the picture.
  await page.mouse.move(1279, 799);
  await page.screenshot({ path: join(README_SCREENSHOTS_DIR, `${name}.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
}
