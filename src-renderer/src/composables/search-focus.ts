/** Lets the global `/` shortcut focus the lookup's search box, whichever screen it was pressed on. */
import { ref } from 'vue';

/** Incremented on each request; the lookup view watches it (and reads it once when it mounts). */
export const searchFocusRequests = ref(0);

export function requestSearchFocus(): void {
  searchFocusRequests.value++;
}

/** True when a key press is meant for a text field, so a shortcut must not steal it. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}
