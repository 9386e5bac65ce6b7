#!/usr/bin/env node
// `npm test`: lint, type checks, the build (integration and e2e tests serve the built console), unit and
// integration tests, then Playwright end-to-end tests.
// Every step runs even when an earlier one fails, and the last line counts tests: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const reports = join('test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join('node_modules', '.bin', name);

const steps = [
  { name: 'lint', cmd: [bin('eslint'), '.'] },
  { name: 'typecheck (main)', cmd: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'typecheck (e2e)', cmd: [bin('tsc'), '-p', 'tests/e2e/tsconfig.json', '--noEmit'] },
  { name: 'typecheck (renderer)', cmd: [bin('vue-tsc'), '-p', 'src-renderer/tsconfig.json', '--noEmit'] },
  { name: 'build', cmd: [bin('electron-vite'), 'build'] },
  { name: 'unit', cmd: [bin('vitest'), 'run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`], vitest: `${reports}/unit.json` },
  { name: 'integration', cmd: [bin('vitest'), 'run', '--project', 'integration', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/integration.json`], vitest: `${reports}/integration.json` },
  { name: 'e2e', cmd: [bin('playwright'), 'test'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` }, playwright: `${reports}/e2e.json` },
];

let passed = 0;
let failed = 0;
const summary = [];
for (const step of steps) {
  console.log(`\n=== ${step.name}: ${step.cmd.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ok = result.status === 0;
  let counted = null;
  if (step.vitest && existsSync(step.vitest)) {
    const r = JSON.parse(readFileSync(step.vitest, 'utf8'));
    counted = { passed: r.numPassedTests, failed: r.numFailedTests + (ok ? 0 : r.numFailedTests === 0 ? 1 : 0) };
  } else if (step.playwright && existsSync(step.playwright)) {
    const s = JSON.parse(readFileSync(step.playwright, 'utf8')).stats;
    counted = { passed: s.expected + s.flaky, failed: s.unexpected + (ok || s.unexpected > 0 ? 0 : 1) };
  }
  // A step that is not a test runner counts as one check; a runner that crashed before reporting counts as failed.
  const c = counted ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
  passed += c.passed;
  failed += c.failed;
  summary.push(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${c.passed} passed, ${c.failed} failed, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.log(`\n${summary.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
