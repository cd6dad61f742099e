import type { Digest } from '../domain/digest';
import { pounds } from '../domain/words';
import { fitToSize } from './fit';
import { clip } from './format';
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

/** Strand names without the common "Digital ", so the bar chart's labels fit a phone. */
const shortStrand = (name: string): string => name.replace(/^Digital /, '');

/**
 * The digest as a card: a section per non-empty list (each item opens its project or request), then the
 * programme by status and strand and the year's benefits as Teams chart elements, each followed by a
 * FactSet with the same numbers, which screen readers read and clients without charts show.
 */
export function digestCard(digest: Digest): AdaptiveCardJson {
  return fitToSize(
    'digest',
    DIGEST_LEVELS,
    (level) => ({
      heading: digest.title,
      subheading: digest.subtitle,
      meetingNotice: digest.meetingNotice?.text ?? '',
      meetingColor: digest.meetingNotice?.attention ? 'attention' : 'default',
      showPending: digest.forDsg,
      showAgenda: digest.forDsg && digest.preMeeting,
      sections: digest.sections.map((s) => {
        const more = s.more + Math.max(0, s.items.length - level.items);
        return {
          heading: s.title,
          moreText: more > 0 ? `and ${more} more – type \`${s.moreCommand}\`` : '',
          items: s.items.slice(0, level.items).map((i) => ({
            reference: i.reference,
            title: clip(i.title, level.title),
            detail: i.detail,
            color: i.highlight ? 'attention' : 'default',
            subtle: !i.highlight,
            verb: i.opens === 'project' ? 'project.view' : 'request.view',
          })),
        };
      }),
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
    }),
    DIGEST_BUDGET_BYTES,
  );
}
