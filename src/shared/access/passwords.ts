/** Shortest password the server accepts; the settings form checks it before a round trip. */
export const MIN_PASSWORD_LENGTH = 10;
