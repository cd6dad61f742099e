import type { Digest } from '../domain/digest';
import { pounds } from '../domain/words';
import { fitToSize } from './fit';
import { clip } from './format';
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

/** Strand names without the common "Digital ", so the bar chart's labels fit a phone. */
const shortStrand = (name: string): string => name.replace(/^Digital /, '');

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
          heading: s.title,
          moreText: more > 0 ? `and ${more} more – type \`${s.moreCommand}\`` : '',
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
      const hidden = shown.flatMap((s) => [...s.items.filter((i) => !i.visible).map((i) => i.id), ...(s.moreText && !s.moreTextVisible ? [s.moreTextId] : [])]);
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
        byStatus: digest.byStatus,
        statusChart: digest.byStatus.filter((c) => c.count > 0),
        byStrand: digest.byStrand,
        strandChart: digest.byStrand.map((c) => ({ label: shortStrand(c.label), count: c.count })),
        financialYear: digest.benefits.financialYear,
        benefitsChart: [
          { label: 'Planned (a year)', short: 'Planned', amount: digest.benefits.planned, amountText: pounds(digest.benefits.planned) },
          { label: `Realised in ${digest.benefits.financialYear}`, short: 'Realised', amount: digest.benefits.realised, amountText: pounds(digest.benefits.realised) },
        ],
      };
    },
    DIGEST_BUDGET_BYTES,
  );
}
