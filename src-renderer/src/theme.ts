/**
 * PrimeVue's Aura preset, with a darker primary so that white text on primary buttons and links meet WCAG AA
 * contrast (Aura's default emerald-500 with white text is about 2.5:1), and a darker unchecked toggle text (the
language switch). Light scheme only, for now.
 */
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

export const consolePreset = definePreset(Aura, {
  semantic: {
    // Visible focus (WCAG 2.4.7): Aura draws no ring on form fields and a 1px one elsewhere.
    focusRing: { width: '2px', style: 'solid', color: '{primary.700}', offset: '2px' },
    formField: { focusRing: { width: '2px', style: 'solid', color: '{primary.700}', offset: '1px', shadow: 'none' } },
    primary: {
      50: '{blue.50}',
      100: '{blue.100}',
      200: '{blue.200}',
      300: '{blue.300}',
      400: '{blue.400}',
      500: '{blue.500}',
      600: '{blue.600}',
      700: '{blue.700}',
      800: '{blue.800}',
      900: '{blue.900}',
      950: '{blue.950}',
    },
    colorScheme: {
      light: {
        primary: { color: '{primary.700}', contrastColor: '#ffffff', hoverColor: '{primary.800}', activeColor: '{primary.900}' },
        highlight: { background: '{primary.50}', focusBackground: '{primary.100}', color: '{primary.800}', focusColor: '{primary.900}' },
      },
    },
  },
  components: {
    // The unchecked option's surface-500 on surface-100 is 4.3:1; surface-600 passes AA.
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' }, icon: { color: '{surface.600}' } } } },
    // Aura's message texts (the 600 shades on their 50 backgrounds) fall under 4.5:1; the 800 shades pass AA.
    message: {
      colorScheme: {
        light: {
          info: { color: '{blue.800}' },
          success: { color: '{green.800}' },
          warn: { color: '{yellow.900}' },
          error: { color: '{red.800}' },
        },
      },
    },
  },
});
