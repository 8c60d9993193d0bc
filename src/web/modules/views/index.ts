export { ColourRulesEditor, type ColourRulesEditorProps } from './ColourRulesEditor.tsx';
export { ColourRulesModal, type ColourRulesModalProps } from './ColourRulesModal.tsx';
export {
  type SavedView,
  type SavedViewList,
  useCreateView,
  useDeleteView,
  useSavedViews,
  useSetDefaultView,
  useUpdateView,
  viewsKey,
} from './queries.ts';
export { colourRuleFields, compileColourRules, rowColour, rowColourBackground } from './row-colour.ts';
export { ViewMenu, type ViewMenuProps } from './ViewMenu.tsx';
