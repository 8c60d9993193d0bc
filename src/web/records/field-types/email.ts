import { onFormat, textLike } from './base.ts';

export const emailFacts = textLike({
  short: true,
  width: 230,
  issueMessage: onFormat((t) => t('records:validation.email')),
});
