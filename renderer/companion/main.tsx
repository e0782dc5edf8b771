import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createCompanionQueryClient } from './api/queries';
import { CompanionApp } from './App';
import { initI18n } from './i18n/i18n';
import { registerServiceWorker } from './pwa/register';

initI18n();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('companion.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <CompanionApp queryClient={createCompanionQueryClient()} />
  </StrictMode>,
);
