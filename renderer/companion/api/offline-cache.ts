/**
 * The service worker's cache of the API's GET answers (network first, this copy when offline).
 * Named here so sign-in and sign-out can empty it: a phone may change hands.
 */
export const OFFLINE_DATA_CACHE = 'companion-api-v1';
