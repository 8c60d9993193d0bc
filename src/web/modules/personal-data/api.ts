import { api, requestFile } from '../../app/api-client.ts';
import type { RecordData } from '../../app/api-types.ts';

/**
 * Downloads a file the API answers with (its name from Content-Disposition), through the API
 * client so the headers of the session ("view as") apply as to every other request.
 */
export async function downloadFile(path: string, query: Record<string, string>, fallbackName: string) {
  const response = await requestFile('GET', path, { query });
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const base = (object: string, id: number) => `/api/records/${encodeURIComponent(object)}/${id}`;

export function downloadVcard(object: string, id: number, locale: string) {
  return downloadFile(`${base(object, id)}/vcard`, { locale }, `${object}-${id}.vcf`);
}

export function downloadPersonalData(object: string, id: number, format: 'json' | 'pdf', locale: string) {
  return downloadFile(`${base(object, id)}/personal-data`, { format, locale }, `${object}-${id}.${format}`);
}

export function anonymise(object: string, id: number, reason: string): Promise<RecordData> {
  return api.post<RecordData>(`${base(object, id)}/anonymise`, { reason });
}
