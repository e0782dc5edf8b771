import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClinicClient } from '@renderer/api/client';
import { App, createQueryClient } from '@renderer/app/App';
import { applyColorMode, initialColorMode } from '@renderer/app/ColorModeProvider';

// Before the first paint, so a dark-mode user never sees a white flash.
applyColorMode(initialColorMode());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App client={createClinicClient()} queryClient={createQueryClient()} />
  </StrictMode>,
);
