import { Loader, Text, Typography } from '@mantine/core';
import DOMPurify from 'dompurify';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import {
  hasMarkup,
  plainToRichText,
  RICH_TEXT_ATTRIBUTES,
  RICH_TEXT_SCHEMES,
  RICH_TEXT_TAGS,
} from '../../../shared/text/rich-text.ts';
import { TextFilterInput, TextTagsFilterInput } from './base.tsx';
import type { FieldDisplayProps, FieldInputProps, WebFieldType } from './module.ts';
import { richTextFacts } from './rich-text.ts';

// The editor (tiptap, ProseMirror) is large: only a form with a rich text field loads it.
const RichTextEditorInput = lazy(() => import('./rich-text-editor.tsx'));

const purifier = DOMPurify();
// Links leave the app in a new tab and never hand it their window (`window.opener`); the server
// stores neither attribute, so the rule lives where links are shown.
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
const ALLOWED_URI = new RegExp(`^(?:${RICH_TEXT_SCHEMES.join('|')}):`, 'i');

/**
 * Stored rich text made safe again in the browser, with the server's allow-list: a row that
 * reached the database around the API cannot run script here. Plain text (a note from before
 * rich text) is escaped into paragraphs first, as the server does on write.
 */
export function safeRichText(value: string): string {
  return purifier.sanitize(hasMarkup(value) ? value : plainToRichText(value), {
    ALLOWED_TAGS: [...RICH_TEXT_TAGS],
    ALLOWED_ATTR: [...new Set(Object.values(RICH_TEXT_ATTRIBUTES).flat()), 'target', 'rel'],
    ALLOWED_URI_REGEXP: ALLOWED_URI,
  });
}

function RichTextDisplay({ field, value, context, excerpt }: FieldDisplayProps) {
  // A list cell shows one line of its words; the formatting is for the record page.
  if (excerpt) {
    return (
      <Text span size="sm" lineClamp={1}>
        {richTextFacts.text(value, field, context)}
      </Text>
    );
  }
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by safeRichText just above. */}
      <div dangerouslySetInnerHTML={{ __html: safeRichText(String(value)) }} />
    </Typography>
  );
}

function RichTextInput(props: FieldInputProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('records:richText.loading')} />}>
      <RichTextEditorInput {...props} />
    </Suspense>
  );
}

export const richText: WebFieldType = {
  ...richTextFacts,
  Input: RichTextInput,
  Display: RichTextDisplay,
  FilterValueInput: TextFilterInput,
  FilterListInput: TextTagsFilterInput,
};
