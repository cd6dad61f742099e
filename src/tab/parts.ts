/** Pieces shared by the list and the project page. */
import type { ProgrammeItem } from '../domain/programme-view-types';
import { type Child, h } from './dom';

/** Status, priority and "Priority project" as a list of badges (words, not colours). */
export const badges = (item: ProgrammeItem): HTMLElement =>
  h(
    'ul',
    { class: 'badges', 'aria-label': 'Status and priority' },
    h('li', { class: 'badge' }, item.status),
    h('li', { class: 'badge' }, `${item.priority} priority`),
    item.isPriority && h('li', { class: 'badge' }, 'Priority project'),
  );

/** Label and value pairs as a description list. */
export const facts = (rows: [string, Child][]): HTMLElement => h('dl', { class: 'facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));

/** The "Overdue" marker: its own colour, and the word itself, so colour is never the only sign. */
export const overdueMarker = (): HTMLElement => h('strong', { class: 'marker-overdue' }, 'Overdue');
