import { createSystem, defaultConfig, defineConfig } from '@chakra-ui/react';
import { clinicTokens } from '@renderer/theme/tokens';

/**
 * The companion app's Chakra system: the clinic's design tokens (shared with the staff app), then
 * what a phone needs: body text at 16 px and touch targets of at least 44 px.
 */
const phone = defineConfig({
  globalCss: {
    body: { fontSize: 'md' },
  },
  theme: {
    recipes: {
      button: { defaultVariants: { size: 'lg' } },
      input: { defaultVariants: { size: 'lg' } },
    },
  },
});

export const companionSystem = createSystem(defaultConfig, clinicTokens, phone);
