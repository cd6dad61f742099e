import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';

/** After install, or a message the bot does not understand in personal chat; links the privacy notice when given. */
export function welcomeCard(firstName?: string | null, notUnderstood = false, privacyUrl?: string): AdaptiveCardJson {
  const name = nonBlank(firstName);
  return render('welcome', { ...(name ? { firstName: name } : {}), ...(notUnderstood ? { notUnderstood: true as const } : {}), ...(privacyUrl ? { privacyUrl } : {}) });
}
