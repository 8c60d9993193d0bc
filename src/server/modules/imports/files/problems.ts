import { AppError } from '../../../errors.ts';

/** A file that is not one the importer reads (an image, a PDF, an old .xls): 415 and why. */
export function unsupportedFile(message: string, kind: string): AppError {
  return new AppError(415, 'unsupported_file', message, { kind });
}

/** A file of a supported format that is broken (an unclosed quote, a card without END): 400 and where. */
export function malformedFile(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(400, 'malformed_file', message, details);
}

export function fileTooBig(limitBytes: number): AppError {
  const megabytes = Math.round(limitBytes / 1024 / 1024);
  return new AppError(
    413,
    'payload_too_large',
    `The file is larger than the import limit of ${megabytes} MB; split it into smaller files`,
    { limitBytes },
  );
}
