import { describeRetention, type RetentionPlan, type RetentionSchedule } from '../domain/data-protection';
import { noticeCard } from './notice';
import type { AdaptiveCardJson } from './render';

/** `retention preview`: what the next retention run would do, one sentence per kind of record. */
export function retentionPreviewCard(preview: { plan: RetentionPlan; schedule: RetentionSchedule }): AdaptiveCardJson {
  return noticeCard({ title: 'Retention: what the next run would do', lines: describeRetention(preview.plan, preview.schedule) });
}
