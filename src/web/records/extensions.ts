import type { ComponentType } from 'react';
import type { ObjectMeta } from '../../shared/metadata/types.ts';
import type { RecordData } from '../app/api-types.ts';

/** What a module's piece of a record page is given; it shows nothing for objects not its own. */
export interface RecordExtensionProps {
  meta: ObjectMeta;
  record: RecordData;
  /** The record's title as the page shows it. */
  title: string;
  /** Every object the reader may read (for links and related lists). */
  objects: ObjectMeta[];
}

/**
 * What capability modules add to the record page, composed in `modules/record-page.tsx` like
 * the server's routes in app.ts: the page itself knows no capability by name.
 */
export interface RecordPageExtensions {
  /** Buttons and menus beside the title (a case's report, a business card, a follow-up). */
  actions: Array<ComponentType<RecordExtensionProps>>;
  /**
   * Panels at the top of the column beside the details (a client's timeline, a task's subtasks),
   * each for the objects it `applies` to: the column is there when one of them is.
   */
  panels: Array<{
    applies: (meta: ObjectMeta, objects: ObjectMeta[]) => boolean;
    Panel: ComponentType<RecordExtensionProps>;
  }>;
  /** Relations (`object.field`) a panel shows in its own way, left out of the related lists. */
  shownByPanels: string[];
}
