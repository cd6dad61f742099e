import type { AuditEvent } from '../../domain/audit';
import { actionWords, isHistoryEvent } from '../../domain/audit';
import type { HistoryEntry } from '../../domain/programme-view';

/** A project's history for the tab, newest first: when and what happened, and with `who`, who did it. */
export function projectHistory(events: readonly AuditEvent[], who: boolean): HistoryEntry[] {
  return events
    .filter(isHistoryEvent)
    .sort((a, b) => b.at.localeCompare(a.at))
    .map((e) => {
      const what = actionWords(e.action, e.after);
      return who ? { at: e.at, what, by: e.actorName.trim() || 'dsg-bot' } : { at: e.at, what };
    });
}
