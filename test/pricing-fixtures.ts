import type { LightMyRequestResponse } from 'fastify';
import type { Session } from './harness.ts';
import { multipartBody } from './import-fixtures.ts';
import type { EnvGetter } from './record-fixtures.ts';

/** NBP's own table A file (www.nbp.pl/kursy/xml), shortened: HUF is quoted per 100. */
export const NBP_TABLE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<tabela_kursow typ="A" uid="26a230">
  <numer_tabeli>230/A/NBP/2026</numer_tabeli>
  <data_publikacji>2026-11-27</data_publikacji>
  <pozycja>
    <nazwa_waluty>euro</nazwa_waluty>
    <przelicznik>1</przelicznik>
    <kod_waluty>EUR</kod_waluty>
    <kurs_sredni>4,2512</kurs_sredni>
  </pozycja>
  <pozycja>
    <nazwa_waluty>forint (Węgry)</nazwa_waluty>
    <przelicznik>100</przelicznik>
    <kod_waluty>HUF</kod_waluty>
    <kurs_sredni>1,0871</kurs_sredni>
  </pozycja>
</tabela_kursow>`;

/** Sends a bank's table file to `POST /api/exchange-rates/import` as the session (the administrator by default). */
export function importRates(
  env: EnvGetter,
  content: string,
  session?: Session,
): Promise<LightMyRequestResponse> {
  const as = session ?? env().admin;
  const { payload, headers } = multipartBody('table.xml', content, 'application/xml');
  return env().app.inject({
    method: 'POST',
    url: '/api/exchange-rates/import',
    headers: { ...headers, cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    payload,
  });
}
