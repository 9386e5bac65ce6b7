/**
 * The versioned texts of the journey, from resources/: the script the agent reads at each step and the two
 * agreements. The first line of each file carries its version (`<!-- version: … -->`), the heading its title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENROLLMENT_STEPS, type AgreementKind, type Language, type VersionedText } from '../../../contract';

const cache = new Map<string, VersionedText>();

function load(resourcesDir: string, folder: string, name: string, language: Language): VersionedText {
  const file = join(resourcesDir, folder, `${name}.${language}.md`);
  let text = cache.get(file);
  if (!text) {
    const raw = readFileSync(file, 'utf8');
    const version = /^<!--\s*version:\s*(\S+)\s*-->/.exec(raw)?.[1];
    if (!version) throw new Error(`${file} has no version line (<!-- version: … -->)`);
    const body = raw.replace(/^<!--.*?-->\s*/, '');
    const title = /^#\s+(.+)$/m.exec(body)?.[1] ?? name;
    text = { id: `${folder}/${name}`, version, language, title, text: body.replace(/^#\s+.+\n+/, '').trim() };
    cache.set(file, text);
  }
  return text;
}

export function journeyTexts(resourcesDir: string, language: Language) {
  const scripts: Record<string, VersionedText> = {};
  for (const step of ENROLLMENT_STEPS) scripts[step] = load(resourcesDir, 'scripts', step, language);
  return { scripts, agreements: agreementTexts(resourcesDir, language) };
}

export function agreementTexts(resourcesDir: string, language: Language): Record<AgreementKind, VersionedText> {
  return { terms: load(resourcesDir, 'agreements', 'terms', language), payment: load(resourcesDir, 'agreements', 'payment', language) };
}
