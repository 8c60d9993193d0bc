import type { Dialect } from '../db/dialects/dialect.ts';
import { codes, DETAILED_COMPANIES } from './client-details.ts';
import { forIndex } from './generator/prng.ts';

/**
 * The card facts of the demo's clients, by their status, so each status shows its section
 * filled: a prospect where it came from (source, campaign) and what it wants, an active client
 * its terms and limits, every client a satisfaction mark and the date its status was set (some
 * inactive for more than 90 days). Written onto the companies the details module already
 * gave addresses to (the first DETAILED_COMPANIES), deterministic per seed.
 */

const CAMPAIGNS: Array<{ code: string; en: string; pl: string; hu: string }> = [
  { code: 'trade_fair_2026', en: 'Trade fair 2026', pl: 'Targi 2026', hu: 'Szakvásár 2026' },
  { code: 'autumn_newsletter', en: 'Autumn newsletter', pl: 'Newsletter jesienny', hu: 'Őszi hírlevél' },
  {
    code: 'crm_webinar',
    en: 'Webinar: CRM in practice',
    pl: 'Webinar: CRM w praktyce',
    hu: 'Webinár: CRM a gyakorlatban',
  },
];

const INTERESTS: Record<string, string[]> = {
  PL: [
    'Wdrożenie CRM dla działu handlowego',
    'Integracja z systemem księgowym',
    'Szkolenie zespołu sprzedaży',
  ],
  HU: [
    'CRM bevezetése az értékesítésnek',
    'Integráció a könyvelési rendszerrel',
    'Értékesítési csapat képzése',
  ],
  GB: ['CRM for the sales team', 'Integration with the accounting system', 'Sales team training'],
};

const DELIVERY_TERMS: Record<string, string[]> = {
  PL: ['Dostawa do magazynu klienta, rozładunek po stronie klienta', 'Odbiór własny z magazynu w Łodzi'],
  HU: ['Szállítás az ügyfél raktárába, a lerakodás az ügyfélé', 'Személyes átvétel a győri raktárban'],
  GB: ["Delivery to the customer's warehouse, unloading by the customer", 'Collection from our warehouse'],
};

const CURRENCY: Record<string, string> = { PL: 'PLN', HU: 'HUF', GB: 'GBP' };
const UPDATES_PER_TRANSACTION = 1000;
const DAY_MS = 86_400_000;

async function addCampaigns(dialect: Dialect, at: string): Promise<number[]> {
  const known = await codes(dialect, 'campaign');
  const missing = CAMPAIGNS.filter((campaign) => !known.has(campaign.code));
  if (missing.length > 0) {
    await dialect.db
      .insertInto('dictionary_value')
      .values(
        missing.map((campaign, index) => ({
          dictionary: 'campaign',
          code: campaign.code,
          label_en: campaign.en,
          label_pl: campaign.pl,
          label_hu: campaign.hu,
          sort_order: (index + 1) * 10,
          active: dialect.encodeBoolean(true),
          created_at: at,
          updated_at: at,
          version: 1,
        })),
      )
      .execute();
  }
  return [...(await codes(dialect, 'campaign')).values()];
}

export async function loadClientFacts(dialect: Dialect, seed: number, at: string): Promise<void> {
  const campaigns = await addCampaigns(dialect, at);
  const sources = [...(await codes(dialect, 'lead_source')).values()];
  const statusOf = new Map([...(await codes(dialect, 'company_status'))].map(([code, id]) => [id, code]));
  const companies = await dialect.db
    .selectFrom('company')
    .select(['id', 'country', 'status_id', 'employee_count'])
    .orderBy('id')
    .limit(DETAILED_COMPANIES)
    .execute();
  const now = Date.parse(at);
  for (let start = 0; start < companies.length; start += UPDATES_PER_TRANSACTION) {
    await dialect.db.transaction().execute(async (trx) => {
      for (const [offset, company] of companies.slice(start, start + UPDATES_PER_TRANSACTION).entries()) {
        const rng = forIndex(seed, 'company-facts', start + offset);
        const country = String(company.country ?? 'PL');
        const status = statusOf.get(Number(company.status_id));
        const pick = <T>(list: readonly T[]): T | null => (list.length === 0 ? null : rng.pick(list));
        const values: Record<string, unknown> = {
          satisfaction: rng.chance(0.6) ? rng.int(1, 5) : null,
          // Inactive clients mostly went quiet long ago; the others changed status within two years.
          status_changed_at: new Date(
            now - (status === 'inactive' ? rng.int(30, 900) : rng.int(1, 700)) * DAY_MS,
          ).toISOString(),
        };
        if (status === 'prospect') {
          values.source_id = rng.chance(0.8) ? pick(sources) : null;
          values.campaign_id = rng.chance(0.5) ? pick(campaigns) : null;
          values.interest = rng.chance(0.6) ? pick(INTERESTS[country] ?? []) : null;
        }
        if (status === 'active') {
          const scale = Math.max(1, Number(company.employee_count ?? 10));
          values.payment_terms_days = rng.pick([7, 14, 21, 30, 45, 60]);
          if (rng.chance(0.5)) {
            values.credit_limit_amount = Math.min(scale * 500, 500_000) * 100;
            values.credit_limit_currency = CURRENCY[country] ?? 'PLN';
          }
          if (rng.chance(0.3)) {
            values.payment_limit_amount = Math.min(scale * 200, 200_000) * 100;
            values.payment_limit_currency = CURRENCY[country] ?? 'PLN';
          }
          values.delivery_terms = rng.chance(0.4) ? pick(DELIVERY_TERMS[country] ?? []) : null;
        }
        await trx.updateTable('company').set(values).where('id', '=', company.id).execute();
      }
    });
  }
}
