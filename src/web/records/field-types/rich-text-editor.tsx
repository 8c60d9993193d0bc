import '@mantine/tiptap/styles.css';
import { Input } from '@mantine/core';
import { Link, RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { RICH_TEXT_SCHEMES } from '../../../shared/text/rich-text.ts';
import { commonProps } from './base.tsx';
import type { FieldInputProps } from './module.ts';

/*
 * The rich text input, in its own chunk (`rich-text.tsx` imports it lazily). The editor offers
 * only what the server keeps (see `shared/text/rich-text.ts`): marks, lists, quotations, links;
 * anything pasted beyond that is dropped by the editor's schema, then again by the server.
 */

/** The editor's HTML, '' when it holds no words (an empty paragraph is no note). */
function htmlOf(editor: NonNullable<ReturnType<typeof useEditor>>): string {
  return editor.isEmpty ? '' : editor.getHTML();
}

export default function RichTextEditorInput(props: FieldInputProps) {
  const { t } = useTranslation();
  const { label, error, required, disabled } = commonProps(props);
  const id = useId();
  const value = typeof props.value === 'string' ? props.value : '';
  // What the editor last reported: a value coming back from the form is not set again (the
  // cursor would jump), another one (discard, a conflict resolved) is.
  const reported = useRef(value);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        link: false,
        heading: { levels: [3, 4] },
        horizontalRule: false,
        strike: {},
      }),
      Link.configure({
        openOnClick: false,
        protocols: [...RICH_TEXT_SCHEMES],
        isAllowedUri: (uri) => new RegExp(`^(?:${RICH_TEXT_SCHEMES.join('|')}):`, 'i').test(uri),
        // Shown links get these where they are displayed; the stored form carries neither.
        HTMLAttributes: { rel: null, target: null },
      }),
    ],
    content: value,
    editable: !disabled,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: current }) => {
      const html = htmlOf(current);
      reported.current = html;
      onChange.current(html);
    },
  });

  useEffect(() => {
    if (!editor || value === reported.current) return;
    reported.current = value;
    editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    editor?.setEditable(!disabled);
  }, [editor, disabled]);

  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          id,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': `${id}-label`,
          ...(error ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-error` } : {}),
          ...(required ? { 'aria-required': 'true' } : {}),
        },
      },
    });
  }, [editor, id, error, required]);

  return (
    <Input.Wrapper
      label={label}
      error={error}
      required={required}
      labelProps={{ id: `${id}-label`, htmlFor: id }}
      errorProps={{ id: `${id}-error` }}
    >
      <RichTextEditor
        editor={editor}
        labels={{
          boldControlLabel: t('records:richText.bold'),
          italicControlLabel: t('records:richText.italic'),
          underlineControlLabel: t('records:richText.underline'),
          bulletListControlLabel: t('records:richText.bulletList'),
          orderedListControlLabel: t('records:richText.orderedList'),
          blockquoteControlLabel: t('records:richText.blockquote'),
          linkControlLabel: t('records:richText.link'),
          unlinkControlLabel: t('records:richText.unlink'),
          linkEditorInputLabel: t('records:richText.linkAddress'),
          linkEditorInputPlaceholder: t('records:richText.linkPlaceholder'),
          linkEditorSave: t('records:richText.linkSave'),
          linkEditorExternalLink: t('records:richText.linkNewTab'),
          linkEditorInternalLink: t('records:richText.linkSameTab'),
        }}
      >
        <RichTextEditor.Toolbar role="toolbar" aria-label={t('records:richText.toolbar', { field: label })}>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content mih={96} />
      </RichTextEditor>
    </Input.Wrapper>
  );
}
