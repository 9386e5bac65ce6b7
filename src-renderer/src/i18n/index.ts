/** vue-i18n in composition mode with English and Spanish; the choice is remembered on this station. */
import { createI18n } from 'vue-i18n';
import { en, type MessageSchema } from './en';
import { es } from './es';

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = 'mqp.locale';

function initialLocale(): Locale {
  const saved = safeStorage()?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage can be disabled; the language then simply is not remembered
  }
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, es },
});

/** Switches the language of the whole console, including the document's `lang` for screen readers. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  safeStorage()?.setItem(STORAGE_KEY, locale);
}

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}
