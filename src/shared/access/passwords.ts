/**
 * Shortest password the server accepts; the settings form checks it before a round trip. The
 * rest of the policy (not a common password, not guessable) is checked by the server only.
 */
export const MIN_PASSWORD_LENGTH = 12;
