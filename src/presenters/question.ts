import { ukDateTime } from '../domain/dates';
import type { ProjectRequest } from '../domain/request';
import { type Question } from '../domain/triage';
import { nonBlank, questionWords } from './format';
import { type AdaptiveCardJson, render } from './render';

/**
 * Sent to the requester when the DSG asks for more information, with an `answer` input; re-rendered
 * with `answered` to show the answer instead of the input.
 */
export function questionCard(request: ProjectRequest, question: Question, answered = question.answer !== null): AdaptiveCardJson {
  return render('question', {
    reference: request.reference,
    title: request.title,
    ...questionWords(question),
    answered,
    ...(answered && {
      answer: nonBlank(question.answer) ?? 'Your answer was sent.',
      answeredNote: `${question.answeredAt ? `Sent ${ukDateTime(question.answeredAt)}. ` : ''}The Digital Strategy Group will look at it.`,
    }),
    version: request.version,
  });
}
