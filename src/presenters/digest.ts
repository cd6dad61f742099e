import type { StrandId } from '../domain/catalogue';
import type { Digest, FullList } from '../domain/digest';
import type { ProgrammeStatus } from '../domain/figures';
import { pounds } from '../domain/words';
import { fitToSize } from './fit';
import { clip, defined } from './format';
import { showMoreTargets } from './show-more';
import type { AdaptiveCardJson } from './render';

/** A digest card stays under this many bytes (Teams takes about 28 KB): long lists and titles are cut to fit. */
export const DIGEST_BUDGET_BYTES = 24 * 1024;

/** Items per section and characters per title, from the most the digest shows to the least. */
const DIGEST_LEVELS = [
  { items: 5, title: 70 },
  { items: 4, title: 60 },
  { items: 3, title: 50 },
  { items: 2, title: 40 },
] as const;

/** Items on the first screen, in all; the rest, and the charts, are behind "Show more". */
const FIRST_SCREEN_ITEMS = 4;

/**
 * The items the first screen shows, as `section-item` keys: each section's first item before any section's second,
 * sections whose first item needs attention first, up to FIRST_SCREEN_ITEMS.
 */
function firstScreen(sections: readonly { items: readonly { highlight: boolean }[] }[], shown: number): Set<string> {
  const order = sections.map((s, n) => ({ n, s })).sort((a, b) => Number(b.s.items[0]?.highlight ?? false) - Number(a.s.items[0]?.highlight ?? false) || a.n - b.n);
  const keys = new Set<string>();
  for (let k = 0; k < shown && keys.size < FIRST_SCREEN_ITEMS; k++) {
    for (const { n, s } of order) if (k < s.items.length && keys.size < FIRST_SCREEN_ITEMS) keys.add(`${n}-${k}`);
  }
  return keys;
}


/** Short strand names for the bar chart's labels, which must fit under seven bars on a phone; the FactSet gives the full names. */
export const SHORT_STRANDS: Record<StrandId, string> = {
  customers: 'Cust',
  estates: 'Est',
  learning: 'Learn',
  'business-services': 'Bus',
  employees: 'Emp',
  scotland: 'Scot',
  compliance: 'Comp',
};

/**
 * Chart series colours: Teams' sequential ramp runs from light (1) to dark (8), so series three or more
 * steps apart differ in lightness, not only hue, and are told apart in any theme and in greyscale. Every
 * chart also names its series in words (legend, labels, the FactSet that follows it).
 */
export const STATUS_COLOURS: Record<ProgrammeStatus, string> = { approved: 'sequential2', 'in-delivery': 'sequential5', completed: 'sequential8' };
export const BENEFIT_COLOURS = { planned: 'sequential3', realised: 'sequential7' } as const;

const LIST_VERBS: Record<FullList['list'], string> = { pending: 'request.pending', programme: 'programme.show', milestones: 'milestone.list' };

/** "Show all 12": the button under a cut list that opens the list holding every item. */
function showAll(all: FullList, total: number) {
  const { list, ...data } = all;
  const verb = LIST_VERBS[list];
  return { title: `Show all ${total}`, verb, data, fallbackData: { verb, ...data } };
}

/**
 * The digest as a card: a section per non-empty list (each item opens its project or request), then the
 * programme by status and strand and the year's benefits as Teams chart elements, each followed by a
 * FactSet with the same numbers, which screen readers read and clients without charts show. At first it shows
 * each section's heading with its count and a few items (see firstScreen); "Show more" shows the rest and the charts.
 */
export function digestCard(digest: Digest): AdaptiveCardJson {
  const sections = (level: (typeof DIGEST_LEVELS)[number]) => {
    const first = firstScreen(digest.sections, level.items);
    return digest.sections.map((s, n) => {
      const more = s.more + Math.max(0, s.items.length - level.items);
      const items = s.items.slice(0, level.items).map((i, k) => ({
        id: `digest-${n}-${k}`,
        visible: first.has(`${n}-${k}`),
        reference: i.reference,
        title: clip(i.title, level.title),
        detail: i.detail,
        color: i.highlight ? ('attention' as const) : ('default' as const),
        subtle: !i.highlight,
        verb: i.opens === 'project' ? ('project.view' as const) : ('request.view' as const),
      }));
      return {
          heading: `${s.title} (${s.items.length + s.more})`,
          moreText: more > 0 ? `and ${more} more` : '',
          ...(more > 0 && { showAll: showAll(s.all, s.items.length + s.more) }),
          moreTextId: `digest-${n}-more`,
          moreTextVisible: items.every((i) => i.visible),
          items,
      };
    });
  };
  return fitToSize(
    'digest',
    DIGEST_LEVELS,
    (level) => {
      const shown = sections(level);
      const hidden = shown.flatMap((s) => [...s.items.filter((i) => !i.visible).map((i) => i.id), ...(s.moreText && !s.moreTextVisible ? [s.moreTextId, `${s.moreTextId}-all`] : [])]);
      return {
        heading: digest.title,
        subheading: digest.subtitle,
        meetingNotice: digest.meetingNotice?.text ?? '',
        meetingColor: digest.meetingNotice?.attention ? 'attention' : 'default',
        showPending: digest.forDsg,
        showAgenda: digest.forDsg && digest.preMeeting,
        sections: shown,
        showMore: showMoreTargets('digest', [...hidden, ...(digest.projectCount > 0 ? ['digest-programme', 'digest-benefits'] : [])]),
        projectCount: digest.projectCount,
        programmeHeading: `The programme: ${digest.projectCount} project${digest.projectCount === 1 ? '' : 's'}`,
        byStatus: digest.figures.byStatus.map((c) => ({ label: c.label, count: c.count })),
        statusDefinition: `By status: ${digest.figures.byStatusDefinition}.`,
        statusChart: digest.figures.byStatus.filter((c) => c.count > 0).map((c) => ({ label: c.label, count: c.count, color: STATUS_COLOURS[c.status] })),
        byStrand: digest.byStrand.map((c) => ({ label: `${c.label} (${SHORT_STRANDS[c.strand]})`, count: c.count })),
        strandChart: digest.byStrand.map((c) => ({ label: SHORT_STRANDS[c.strand], count: c.count })),
        financialYear: digest.figures.financialYear,
        benefitsChart: (['planned', 'realised'] as const).map((kind) => {
          const figure = digest.figures[kind];
          return { label: figure.label, short: kind === 'planned' ? 'Planned' : 'Realised', amount: figure.value, amountText: defined(pounds(figure.value), figure.definition), color: BENEFIT_COLOURS[kind] };
        }),
      };
    },
    DIGEST_BUDGET_BYTES,
  );
}
