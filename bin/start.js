#!/usr/bin/env node
// `npm start`: builds the console when the build is missing or older than the sources, then launches the
// desktop app where the Electron binary is present, or serves the same console through the web host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const builtIndex = join(root, 'out', 'renderer', 'index.html');
const sourcesNewest = Math.max(newestMtime(join(root, 'src-renderer')), newestMtime(join(root, 'src-main')));
if (!existsSync(builtIndex) || statSync(builtIndex).mtimeMs < sourcesNewest) {
  console.error('Building the console (electron-vite build)…');
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Electron ≥42 downloads its binary lazily; asking the package for its path would start that download.
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.error('No Electron binary on this machine: serving the same console through the web host instead.');
  const child = spawn(process.execPath, [join(root, 'bin', 'mqp.js'), 'serve', '--port', process.env.PORT ?? '5170', ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}
