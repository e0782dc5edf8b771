/** Where the patient gateway's REST API lives, on the gateway's own port (docs/architecture.md). */
export const API_PREFIX = '/api/v1';
