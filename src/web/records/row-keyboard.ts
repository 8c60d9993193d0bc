import type { Virtualizer } from '@tanstack/react-virtual';
import type { KeyboardEvent } from 'react';

export interface RowKeyboardOptions {
  rowCount: number;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scroller: () => HTMLDivElement | null;
  /** Enter on a row (not on a link, which opens itself). */
  onOpen: (index: number) => void;
  /** Space on a row: mark or unmark it. */
  onToggle: (index: number) => void;
}

/** The rows' index in the header-first numbering the table uses for aria-rowindex. */
const FIRST_BODY_ROW = 2;

function rowIndexOf(target: EventTarget | null): number | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('tr[aria-rowindex]') : null;
  const index = row ? Number(row.getAttribute('aria-rowindex')) - FIRST_BODY_ROW : Number.NaN;
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** What takes focus in a row: its title link when it has one, else the row itself. */
function focusRow(scroller: HTMLDivElement, index: number): boolean {
  const row = scroller.querySelector<HTMLElement>(`tr[aria-rowindex="${index + FIRST_BODY_ROW}"]`);
  if (!row) return false;
  (row.querySelector<HTMLElement>('td a') ?? row).focus({ preventScroll: false });
  return true;
}

/**
 * Arrow keys move between rows like in a spreadsheet, Home/End jump to the first/last loaded
 * row, Enter opens, Space marks. The rows are virtualized, so the target row is first scrolled
 * into the DOM and focused once it is rendered.
 */
export function rowKeyDown(options: RowKeyboardOptions) {
  return (event: KeyboardEvent<HTMLElement>) => {
    // Typing in a field keeps its keys; a checkbox (the row's mark) is part of the row.
    const target = event.target instanceof HTMLElement ? event.target : null;
    const inField = target?.closest(
      'input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable], fieldset',
    );
    if (inField || event.altKey || event.ctrlKey || event.metaKey) return;
    const onCheckbox = target instanceof HTMLInputElement && target.type === 'checkbox';
    const current = rowIndexOf(event.target);
    const last = options.rowCount - 1;
    const moves: Record<string, number | null> = {
      ArrowDown: current === null ? 0 : Math.min(current + 1, last),
      ArrowUp: current === null ? 0 : Math.max(current - 1, 0),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined && next !== null && last >= 0) {
      event.preventDefault();
      moveTo(options, next);
      return;
    }
    if (current === null) return;
    if (event.key === ' ') {
      // Space on the checkbox ticks it by itself; marking it here too would undo that.
      if (onCheckbox) return;
      event.preventDefault();
      options.onToggle(current);
    } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement)) {
      event.preventDefault();
      options.onOpen(current);
    }
  };
}

function moveTo(options: RowKeyboardOptions, index: number): void {
  const scroller = options.scroller();
  if (!scroller) return;
  options.virtualizer.scrollToIndex(index, { align: 'auto' });
  if (focusRow(scroller, index)) return;
  // Not rendered yet: the virtualizer renders it on the next frame after scrolling.
  requestAnimationFrame(() => requestAnimationFrame(() => focusRow(scroller, index)));
}
