import { createSystem, defaultConfig } from '@chakra-ui/react';
import { clinicTokens } from '@renderer/theme/tokens';

/** The staff app's Chakra system: the clinic's design tokens over Chakra's defaults. */
export const system = createSystem(defaultConfig, clinicTokens);
