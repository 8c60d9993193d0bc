import { formatPhoneNational } from '../../../shared/identifiers/index.ts';
import { onFormat, textLike } from './base.ts';

/** Stored in E.164; shown as the reader dials it: nationally when it is their country's number. */
export const phoneFacts = textLike({
  text: (value, _field, context) => formatPhoneNational(String(value), context.country),
  short: true,
  width: 150,
  issueMessage: onFormat((t) => t('records:validation.phone')),
});
