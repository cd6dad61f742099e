import { ukDateTime } from '../domain/dates';
import { type Draft, LIMITS } from '../domain/request-form';
import { clip, nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';

/** Offered when someone asks to submit an idea and has a saved draft. */
export function draftOfferCard(draft: Draft): AdaptiveCardJson {
  return render('draft-offer', {
    formId: draft.formId,
    title: clip(nonBlank(draft.values.title)?.trim() ?? 'Untitled idea', LIMITS.title),
    savedAt: ukDateTime(draft.updatedAt),
  });
}
