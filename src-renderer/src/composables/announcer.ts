/** One polite live region for the whole console (route changes, notices); App.vue renders it. */
import { ref } from 'vue';

export const announcement = ref('');
let pending: string[] = [];

/** Messages announced in the same frame are read together, in order, instead of replacing each other. */
export function announce(message: string): void {
  if (pending.length === 0) {
    // Clearing first makes a repeated message be read again.
    announcement.value = '';
    requestAnimationFrame(() => {
      announcement.value = pending.join(' ');
      pending = [];
    });
  }
  if (!pending.includes(message)) pending.push(message);
}
