import { defineConfig } from '@chakra-ui/react';
import { toastAnatomy } from '@chakra-ui/react/anatomy';

/**
 * The clinic's design tokens, shared by the staff app, and the companion app (which shares these
 * and nothing else of the staff app). A calm, professional clinic look: teal as the accent, soft slate neutrals, a readable type
 * scale. Dark mode follows the `dark` class on <html> (see ColorModeProvider).
 */
export const clinicTokens = defineConfig({
  globalCss: {
    'html, body': { colorPalette: 'teal', bg: 'bg.canvas', color: 'fg' },
    body: { fontSize: 'sm' },
    '.skip-link': {
      position: 'absolute',
      insetStart: '2',
      top: '-20',
      zIndex: 'skipLink',
      px: '3',
      py: '2',
      bg: 'bg.panel',
      borderRadius: 'md',
      boxShadow: 'md',
      _focus: { top: '2' },
    },
  },
  theme: {
    slotRecipes: {
      // A toast's description is drawn at 80% opacity, which takes white text on a coloured toast
      // below 4.5:1; full opacity keeps it readable (the title's weight still sets it apart).
      toast: { slots: toastAnatomy.keys(), base: { description: { opacity: 1 } } },
    },
    tokens: {
      fonts: {
        heading: { value: '"Noto Sans", "Segoe UI", system-ui, -apple-system, sans-serif' },
        body: { value: '"Noto Sans", "Segoe UI", system-ui, -apple-system, sans-serif' },
      },
    },
    semanticTokens: {
      colors: {
        // Chakra's teal.600 under white text is 3.7:1; teal.700 gives 5.4:1 (WCAG AA).
        teal: {
          solid: { value: '{colors.teal.700}' },
          emphasized: { value: { base: '{colors.teal.300}', _dark: '{colors.teal.700}' } },
          focusRing: { value: '{colors.teal.600}' },
        },
        // Under white text Chakra's green.600 is 3.3:1 and orange.600 3.6:1 (success and warning
        // toasts, green buttons); the 700 shades give 5.0:1 and 5.2:1.
        green: { solid: { value: '{colors.green.700}' } },
        orange: { solid: { value: '{colors.orange.700}' } },
        // Chakra's red.500 error text on white is 3.8:1; red.600 gives 4.8:1 (WCAG AA for small text).
        'fg.error': { value: { base: '{colors.red.600}', _dark: '{colors.red.400}' } },
        'bg.canvas': { value: { base: '{colors.gray.50}', _dark: '{colors.gray.950}' } },
        'bg.nav': { value: { base: '{colors.white}', _dark: '{colors.gray.900}' } },
        'bg.statusbar': { value: { base: '{colors.gray.100}', _dark: '{colors.gray.900}' } },
        'nav.active': { value: { base: '{colors.teal.50}', _dark: '{colors.teal.950}' } },
        'nav.activeFg': { value: { base: '{colors.teal.800}', _dark: '{colors.teal.200}' } },
      },
    },
  },
});
