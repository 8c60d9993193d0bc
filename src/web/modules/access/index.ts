export { canRead, recordCan, scopeOf, useObjectAbilities, useRecordCan } from './abilities.ts';
export { useMyRights } from './api.ts';
export { RequireAdministrator } from './RequireAdministrator.tsx';
export { ShareDialog } from './ShareDialog.tsx';
export { VIEW_AS_BANNER_HEIGHT, ViewAsBanner } from './ViewAsBanner.tsx';
export { forgetViewAsOfOthers, useViewAs, type ViewAsTarget } from './view-as.ts';
