/** IPC channel names shared by main (ipc-bridge.ts) and the preload script. */
export const IPC = {
  call: 'clinic:call',
  authenticate: 'clinic:authenticate',
  connectionState: 'clinic:connection-state',
  event: 'clinic:event',
  stateChanged: 'clinic:state-changed',
  printPdf: 'clinic:print-pdf',
  setupNeeded: 'clinic:setup-needed',
  setupDiscover: 'clinic:setup-discover',
  setupBecomeHub: 'clinic:setup-become-hub',
  setupConnect: 'clinic:setup-connect',
  attentionList: 'clinic:attention-list',
  attentionDismiss: 'clinic:attention-dismiss',
} as const;
