import { isMoneyValue, type MoneyValue } from '../../../shared/field-types/money.ts';
import { BASIS_POINTS, divideHalfUp } from '../../../shared/money/arithmetic.ts';
import type { Actor } from '../../access/actor.ts';
import type { RecordsContext } from '../../records/context.ts';
import { getRecord, listRecords } from '../../records/reader.ts';

export interface PriceQuestion {
  product: number;
  currency: string;
  /** The document's day: only lists valid then take part. */
  day: string;
  /** The line's quantity: an item from a larger quantity applies once it is reached. */
  quantity: number;
  /** The client: lists of its groups come before the lists for everyone. */
  company?: number;
}

export interface PriceSuggestion {
  /** Net unit price in the asked currency, or null when nothing gives one. */
  unitPrice: MoneyValue | null;
  /** Per cent off the base price that the item grants (0 when none). */
  discount: number;
  /** Where it comes from: a price list's item, the product's list price, or nothing. */
  source: { kind: 'price_list'; priceList: number; item: number } | { kind: 'list_price' } | { kind: 'none' };
}

interface Candidate {
  id: number;
  priceList: number;
  forGroup: boolean;
  minQuantity: number;
  price: MoneyValue | null;
  discount: number;
}

/**
 * The unit price the offer form suggests for a product: from the price lists in the document's
 * currency valid on its day (active, for one of the client's groups or for everyone, reached
 * from the line's quantity), the most specific winning — a list for the client's group before a
 * general one, then the item from the largest quantity reached. The item's own price, or the
 * product's list price when it names none (in the same currency), less its discount, rounded
 * half up to the minor unit. Without a list, the product's list price in that currency. Read
 * through the records engine: a reader sees only the lists and products they may read.
 */
export async function suggestPrice(
  ctx: RecordsContext,
  actor: Actor,
  question: PriceQuestion,
): Promise<PriceSuggestion> {
  const product = await getRecord(ctx, actor, 'product', question.product, { fields: ['list_price'] });
  const listPrice =
    isMoneyValue(product.list_price) && product.list_price.currency === question.currency
      ? product.list_price
      : null;
  const groups = question.company === undefined ? [] : await companyGroups(ctx, actor, question.company);
  const { items } = await listRecords(ctx, actor, 'price_list_item', {
    filter: {
      and: [
        { field: 'product', op: 'eq', value: question.product },
        { field: 'min_quantity', op: 'lte', value: question.quantity },
        { field: 'price_list.currency', op: 'eq', value: question.currency },
        { field: 'price_list.active', op: 'eq', value: true },
        { field: 'price_list.valid_from', op: 'lte', value: question.day },
        {
          or: [
            { field: 'price_list.valid_to', op: 'isEmpty' },
            { field: 'price_list.valid_to', op: 'gte', value: question.day },
          ],
        },
        {
          or: [
            { field: 'price_list.company_group', op: 'isEmpty' },
            ...(groups.length > 0 ? [{ field: 'price_list.company_group', op: 'in', value: groups }] : []),
          ],
        },
      ],
    },
    fields: ['id', 'price_list', 'price_list.company_group', 'min_quantity', 'price', 'discount'],
    limit: 200,
  });
  const candidates = items.map(
    (item): Candidate => ({
      id: Number(item.id),
      priceList: Number(item.price_list),
      forGroup: item['price_list.company_group'] !== null && item['price_list.company_group'] !== undefined,
      minQuantity: Number(item.min_quantity),
      price: isMoneyValue(item.price) ? item.price : null,
      discount: Number(item.discount ?? 0),
    }),
  );
  const best = candidates
    // An item without its own price needs the product's list price in this currency.
    .filter((candidate) => candidate.price !== null || listPrice !== null)
    .sort(
      (a, b) => Number(b.forGroup) - Number(a.forGroup) || b.minQuantity - a.minQuantity || a.id - b.id,
    )[0];
  if (!best) {
    return listPrice
      ? { unitPrice: listPrice, discount: 0, source: { kind: 'list_price' } }
      : { unitPrice: null, discount: 0, source: { kind: 'none' } };
  }
  const base = best.price ?? listPrice;
  const discountBasisPoints = BigInt(Math.round(best.discount * 100));
  const amount = base
    ? Number(divideHalfUp(BigInt(base.amount) * (BASIS_POINTS - discountBasisPoints), BASIS_POINTS))
    : 0;
  return {
    unitPrice: { amount, currency: question.currency },
    discount: best.discount,
    source: { kind: 'price_list', priceList: best.priceList, item: best.id },
  };
}

async function companyGroups(ctx: RecordsContext, actor: Actor, company: number): Promise<number[]> {
  const record = await getRecord(ctx, actor, 'company', company, { fields: ['groups'] });
  return Array.isArray(record.groups)
    ? record.groups.filter((id): id is number => typeof id === 'number')
    : [];
}
