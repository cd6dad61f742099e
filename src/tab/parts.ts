/** Pieces shared by the tab's pages. */
import type { HealthView, ProgrammeItem } from '../domain/programme-view-types';
import { type Child, fill, h } from './dom';

/** Status, priority and "Priority project" as a list of badges (words, not colours). */
export const badges = (item: ProgrammeItem): HTMLElement =>
  h(
    'ul',
    { class: 'badges', 'aria-label': 'Status and priority' },
    h('li', { class: 'badge' }, item.status),
    h('li', { class: 'badge' }, `${item.priority} priority`),
    item.isPriority && h('li', { class: 'badge' }, 'Priority project'),
  );

/** A section of a page, labelled by its heading. */
export const section = (id: string, title: string, ...children: Child[]): HTMLElement =>
  h('section', { class: 'detail-section', 'aria-labelledby': id }, h('h2', { id }, title), children);

/** Label and value pairs as a description list. */
export const facts = (rows: [string, Child][]): HTMLElement => h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));

/** A health status in words with a sign (red and amber ⚠, green ✓, grey and none plain): never colour alone. */
const HEALTH_MARKERS: Record<HealthView['shown'], string> = { red: 'marker-overdue', amber: 'marker-warning', green: 'marker-good', grey: 'marker-none', none: 'marker-none' };
export const healthMarker = (health: HealthView): HTMLElement => h('strong', { class: `${HEALTH_MARKERS[health.shown]} health-${health.shown}` }, health.label);

/** The "Overdue" marker: its own colour, and the word itself, so colour is never the only sign. */
export const overdueMarker = (): HTMLElement => h('strong', { class: 'marker-overdue' }, 'Overdue');

/**
 * A table with a caption and column headers; each row's first cell is its row header. On a phone the rows stack
 * (styles.css), each cell labelled with its column: the explicit roles keep it a table for screen readers then.
 */
export function stackedTable(caption: string, columns: string[], rows: Child[][]): HTMLElement {
  return h(
    'table',
    { class: 'data stacked-table', role: 'table' },
    h('caption', {}, caption),
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, columns.map((c) => h('th', { scope: 'col', role: 'columnheader' }, c)))),
    h(
      'tbody',
      { role: 'rowgroup' },
      rows.map(([head, ...cells]) =>
        h('tr', { role: 'row' }, h('th', { scope: 'row', role: 'rowheader' }, head), cells.map((c, i) => h('td', { role: 'cell', 'data-label': columns[i + 1] }, c))),
      ),
    ),
  );
}

/** How long typing may pause before a count is announced, so a screen reader is not flooded. */
const ANNOUNCE_AFTER_MS = 400;

/** Says `text` in a live region: now (a choice made), or once typing pauses. */
export function announcer(region: HTMLElement): (text: string, now: boolean) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (text, now) => {
    clearTimeout(timer);
    if (now) region.textContent = text;
    else timer = setTimeout(() => (region.textContent = text), ANNOUNCE_AFTER_MS);
  };
}

/** A page that could not be loaded: its heading, what (`the DSG meetings`) could not be loaded and why in plain words, and a way to try again. */
export function showPageProblem(root: HTMLElement, title: string, what: string, message: string, retry: () => void): void {
  const again = h('button', { type: 'button' }, 'Try again');
  again.addEventListener('click', retry);
  const heading = h('h1', { tabindex: -1 }, title);
  fill(root, heading, h('div', { class: 'state error' }, h('p', {}, `${what.charAt(0).toUpperCase()}${what.slice(1)} could not be loaded.`), h('p', {}, message), again));
  heading.focus();
}
