import { onFormat, textLike } from './base.ts';

/** An IANA time zone, shown as its name (`Europe/Warsaw`): how every system and calendar spells it. */
export const timeZoneFacts = textLike({
  short: true,
  width: 180,
  defaultOperator: 'eq',
  issueMessage: onFormat((t) => t('records:validation.timeZone')),
});
