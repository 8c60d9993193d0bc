import type { Actor } from '../../access/actor.ts';
import type { RecordsContext } from '../../records/context.ts';
import { executorOf } from '../../records/context.ts';
import type { WriteFact } from '../../records/effects.ts';
import { createRecord, updateRecord } from '../../records/writer.ts';

/** The company columns that show its main address, and how each is made from an address. */
const MIRRORED = ['street', 'postal_code', 'city', 'country'] as const;
type Mirrored = Record<(typeof MIRRORED)[number], string | null>;

interface AddressRow {
  id: number;
  version: number;
  company_id: number;
  street: string | null;
  building: string | null;
  postal_code: string | null;
  city: string | null;
  country: string | null;
  is_main: unknown;
}

/** The actor the address's effects write as: the company's effects leave its writes alone. */
const ADDRESS_EFFECTS = 'address.effects';

async function liveAddresses(ctx: RecordsContext, companyId: number): Promise<AddressRow[]> {
  const rows = await executorOf(ctx)
    .selectFrom('address')
    .select([
      'id',
      'version',
      'company_id',
      'street',
      'building',
      'postal_code',
      'city',
      'country',
      'is_main',
    ])
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(
    (row) =>
      ({
        ...row,
        id: Number(row.id),
        version: Number(row.version),
        company_id: Number(row.company_id),
      }) as AddressRow,
  );
}

function mirroredFrom(row: AddressRow | undefined): Mirrored {
  const street = [row?.street, row?.building].filter((part) => part && part !== '').join(' ');
  return {
    street: street === '' ? null : street,
    postal_code: row?.postal_code ?? null,
    city: row?.city ?? null,
    country: row?.country ?? null,
  };
}

/**
 * After an address is written: at most one main address per company (marking one main unmarks
 * the others), and the company's address columns show the main one (none left: emptied).
 * Writes go through the engine, so the company's history says when and why its address changed.
 */
export async function mirrorMainAddress(fact: WriteFact): Promise<void> {
  const { ctx, actor } = fact;
  const own = await executorOf(ctx)
    .selectFrom('address')
    .select(['company_id', 'is_main', 'deleted_at'])
    .where('id', '=', fact.recordId)
    .executeTakeFirst();
  if (!own) return;
  const companyId = Number(own.company_id);
  const isMain = ctx.dialect.decodeBoolean(own.is_main) === true && own.deleted_at === null;
  const addresses = await liveAddresses(ctx, companyId);
  const moved = fact.changes.find((change) => change.field === 'company');
  if (typeof moved?.old === 'number') await remirror(ctx, actor, moved.old);
  const otherMain = addresses.find(
    (row) => row.id !== fact.recordId && ctx.dialect.decodeBoolean(row.is_main) === true,
  );
  if (moved && isMain && otherMain) {
    // A main address moved to a company that has one (a merge) joins it as a further address.
    const self = addresses.find((row) => row.id === fact.recordId);
    if (self) await updateRecord(ctx, actor, 'address', self.id, { is_main: false, version: self.version });
    return;
  }
  if (isMain) {
    for (const other of addresses) {
      if (other.id === fact.recordId || ctx.dialect.decodeBoolean(other.is_main) !== true) continue;
      await updateRecord(ctx, actor, 'address', other.id, { is_main: false, version: other.version });
    }
  }
  const main = isMain
    ? addresses.find((row) => row.id === fact.recordId)
    : addresses.find((row) => row.id !== fact.recordId && ctx.dialect.decodeBoolean(row.is_main) === true);
  const wasMain = fact.changes.some((change) => change.field === 'is_main') || fact.action !== 'update';
  // An address that is not (and was not) the main one leaves the company as it is.
  if (!isMain && !wasMain) return;
  await setCompanyAddress(ctx, actor, companyId, mirroredFrom(main));
}

/** The company an address left shows its own main address again (not when it is in the trash). */
async function remirror(ctx: RecordsContext, actor: Actor, companyId: number): Promise<void> {
  const company = await executorOf(ctx)
    .selectFrom('company')
    .select('deleted_at')
    .where('id', '=', companyId)
    .executeTakeFirst();
  if (!company || company.deleted_at !== null) return;
  const main = (await liveAddresses(ctx, companyId)).find(
    (row) => ctx.dialect.decodeBoolean(row.is_main) === true,
  );
  await setCompanyAddress(ctx, actor, companyId, mirroredFrom(main));
}

async function setCompanyAddress(ctx: RecordsContext, actor: Actor, companyId: number, values: Mirrored) {
  const company = await executorOf(ctx)
    .selectFrom('company')
    .select(['version', ...MIRRORED])
    .where('id', '=', companyId)
    .executeTakeFirst();
  if (!company) return;
  const changed = MIRRORED.filter((key) => (company[key] ?? null) !== values[key]);
  if (changed.length === 0) return;
  await updateRecord(ctx, actor, 'company', companyId, {
    ...Object.fromEntries(changed.map((key) => [key, values[key]])),
    version: Number(company.version),
  });
}

/**
 * After a company is written with address values by a person (not by the mirror above): its main
 * address follows — updated, or created as the registered office when the company has none.
 */
export async function companyAddressToMain(fact: WriteFact): Promise<void> {
  const { ctx, actor, writer } = fact;
  if (writer.kind === 'system' && writer.name === ADDRESS_EFFECTS) return;
  if (fact.action === 'delete' || fact.action === 'restore') return;
  if (!fact.changes.some((change) => (MIRRORED as readonly string[]).includes(change.field))) return;
  if (fact.action === 'create') {
    // A new company's changes are all its values: without a city and a country there is no address to make.
    const given = new Map(fact.changes.map((change) => [change.field, change.new]));
    if (!given.get('city') || !given.get('country')) return;
  }
  const company =
    fact.row ??
    (await executorOf(ctx)
      .selectFrom('company')
      .select(MIRRORED)
      .where('id', '=', fact.recordId)
      .executeTakeFirst());
  if (!company?.city || !company.country) return; // an address needs at least a city and a country
  const addresses = await liveAddresses(ctx, fact.recordId);
  const main = addresses.find((row) => ctx.dialect.decodeBoolean(row.is_main) === true);
  const values = {
    street: company.street,
    building: null,
    postal_code: company.postal_code,
    city: company.city,
    country: company.country,
  };
  if (main) {
    const same = MIRRORED.every((key) => (mirroredFrom(main)[key] ?? null) === (company[key] ?? null));
    if (!same) await updateRecord(ctx, actor, 'address', main.id, { ...values, version: main.version });
    return;
  }
  const registered = await executorOf(ctx)
    .selectFrom('dictionary_value')
    .select('id')
    .where('dictionary', '=', 'address_kind')
    .where('code', '=', 'registered')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  await createRecord(ctx, actor, 'address', {
    ...values,
    company: fact.recordId,
    kind: registered ? Number(registered.id) : null,
    is_main: true,
  });
}
