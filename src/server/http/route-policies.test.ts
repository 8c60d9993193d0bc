import { describe, expect, it } from 'vitest';
import { useTestEnv } from '../../../test/harness.ts';

/**
 * Who can reach what, route by route. A changed snapshot is a change of access and is reviewed
 * as such: update it (`npx vitest -u`) only when the change is meant.
 */
describe('route policies', () => {
  const env = useTestEnv('sqlite');

  it('match the reviewed snapshot', () => {
    const lines = env()
      .app.routePolicies.filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.policy.padEnd(13)} ${r.method.padEnd(6)} ${r.url}`)
      .sort();
    expect(lines.join('\n')).toMatchSnapshot();
  });
});
