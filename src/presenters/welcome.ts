import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';

/** After install, or a message the bot does not understand in personal chat. */
export function welcomeCard(firstName?: string | null, notUnderstood = false): AdaptiveCardJson {
  const name = nonBlank(firstName);
  return render('welcome', { ...(name ? { firstName: name.trim() } : {}), ...(notUnderstood ? { notUnderstood: true as const } : {}) });
}
