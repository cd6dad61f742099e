import { z } from 'zod';
import { askProgrammeExport } from '../../app/programme-sheets/export-programme';
import { ukDateTime } from '../../domain/dates';
import { noticeCard } from '../../presenters/notice';
import { card } from '../reply';
import { verb } from './verb';

/** `programme export [2026/27]`: a button opening a signed link to the programme as a workbook, for DSG members and admins. */
export const programmeExport = verb('programme.export', z.object({ year: z.string().max(20).optional() }).loose(), async ({ deps, actor }, d) => {
  const link = await askProgrammeExport(deps, actor, d.year?.trim() || null);
  const lines = [
    `Projects, milestones and benefits (it imports again with npm run import), the DSG's decisions, and the audit log for ${link.financialYear}.`,
    `The link works until ${ukDateTime(link.expiresAt)}. The workbook holds names: keep it within the DSG.`,
  ];
  return card(noticeCard({ title: 'The Digital Programme as a workbook', lines }, [{ title: 'Download the Digital Programme (.xlsx)', url: link.url }]));
});
