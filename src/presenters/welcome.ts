import { nonBlank } from './format';
import { type AdaptiveCardJson, render } from './render';

/** After install; links the privacy notice when given. */
export function welcomeCard(firstName?: string | null, privacyUrl?: string): AdaptiveCardJson {
  const name = nonBlank(firstName);
  return render('welcome', { ...(name ? { firstName: name } : {}), ...(privacyUrl ? { privacyUrl } : {}) });
}
