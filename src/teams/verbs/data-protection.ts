import { z } from 'zod';
import { previewRetention } from '../../app/data-protection/retention';
import { SUBJECT_ACCESS_LINK_HOURS, subjectAccessLinks } from '../../app/data-protection/subject-access';
import { retentionPreviewCard } from '../../presenters/retention-preview';
import { card, text } from '../reply';
import { verb, type Verb } from './verb';

/** Data protection for admins: `retention preview`, and `subject access person@council.example`. */
export const DATA_PROTECTION_VERBS: readonly Verb[] = [
  verb('retention.preview', z.object({}).loose(), async ({ deps, actor }) => card(retentionPreviewCard(await previewRetention(deps, actor)))),
  verb('person.export', z.object({ email: z.string().max(400).optional() }).loose(), async ({ deps, actor, channel }, d) => {
    const email = d.email?.trim() ?? '';
    if (!email) return text('Type "subject access" and the person\'s email address, like: subject access person@council.example');
    // A link to one person's data is for the admin alone, never for everyone in a channel.
    if (channel) return text('Ask me for a subject access export in our personal chat: the link gives anyone who has it that person\'s data.');
    const links = await subjectAccessLinks(deps, actor, email);
    return text(
      [
        `What dsg-bot holds about ${email} (${links.names.join(', ') || 'no name known'}), made fresh when you open it:`,
        `Readable page: ${links.html.url}`,
        `JSON: ${links.json.url}`,
        `The links work for ${SUBJECT_ACCESS_LINK_HOURS} hour, for whoever has them: do not forward them. Subject access requests must be answered within one month.`,
      ].join('\n\n'),
    );
  }),
];
