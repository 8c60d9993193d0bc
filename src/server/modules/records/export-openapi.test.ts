import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/databases.ts';
import { useTestEnv } from '../../../../test/harness.ts';

interface Operation {
  responses: Record<string, { content?: Record<string, unknown> }>;
}

describe.each(DIALECTS)('the export in the API document (%s)', (dialect) => {
  const env = useTestEnv(dialect);

  it('declares the types the file is really sent as, not JSON', async () => {
    const document = (await env().api('GET', '/api/openapi.json')).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const exportPath = document.paths['/api/records/{object}/export'];
    for (const method of ['get', 'post']) {
      const types = Object.keys(exportPath?.[method]?.responses['200']?.content ?? {}).sort();
      expect(types, method).toEqual([
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
        'text/vcard',
      ]);
    }
    const sent = await env().api('GET', '/api/records/company/export?format=csv&fields=name');
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['content-type']).toMatch(/^text\/csv/);
  });
});
