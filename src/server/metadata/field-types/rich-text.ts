import sanitizeHtml from 'sanitize-html';
import { richText as traits } from '../../../shared/field-types/rich-text.ts';
import {
  hasMarkup,
  isAllowedHref,
  plainToRichText,
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_SCHEMES,
  RICH_TEXT_TAGS,
  richTextPlain,
} from '../../../shared/text/rich-text.ts';
import { singleColumn } from './base.ts';
import { invalid } from './module.ts';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...RICH_TEXT_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(RICH_TEXT_ATTRIBUTES).map(([tag, names]) => [tag, [...names]]),
  ),
  allowedSchemes: [...RICH_TEXT_SCHEMES],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // A disallowed element goes but its text stays (a <div> around a paragraph); script, style and
  // the like go with their content (sanitize-html's `nonTextTags`).
  disallowedTagsMode: 'discard',
  transformTags: {
    // Relative addresses would point into the app itself: only http(s) and mailto links stay.
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.href && isAllowedHref(attribs.href)) kept.href = attribs.href.trim();
      return { tagName, attribs: kept };
    },
  },
};

/**
 * Any input as stored rich text: HTML cut down to the allow-list, plain text (no tags at all:
 * an API client, an import, a note written before rich text) escaped into paragraphs first.
 */
export function sanitizeRichText(input: string): string {
  const html = hasMarkup(input) ? input : plainToRichText(input);
  return sanitizeHtml(html, OPTIONS).trim();
}

const plain = (value: unknown) => richTextPlain(String(value));

/**
 * Rich text in one text column as sanitised HTML. Everything that shows it outside the editor
 * (titles, search, timeline, mails, exports, print) reads its plain text through `plainText`,
 * `cell` and `display`.
 */
export const richText = singleColumn(traits, 'text', {
  check: (raw, field) => {
    if (typeof raw !== 'string') return invalid('type', 'must be text');
    const html = sanitizeRichText(raw);
    // Markup with no words left (`<p><br></p>`, a lone script) is no value: required says so.
    if (richTextPlain(html).trim() === '') return { value: null };
    if (field.maxLength !== undefined && html.length > field.maxLength)
      return invalid('too_long', `must be at most ${field.maxLength} characters`);
    return { value: html };
  },
  plainText: plain,
  cell: (value) => ({ kind: 'text', value: plain(value) }),
  display: plain,
  schema: (field) => ({
    type: 'string',
    maxLength: field.maxLength,
    contentMediaType: 'text/html',
    description: `HTML limited to ${RICH_TEXT_TAGS.join(', ')} (links: ${RICH_TEXT_SCHEMES.join(', ')}); anything else is removed on write, plain text is taken as paragraphs`,
  }),
  exportWidth: () => 40,
});
