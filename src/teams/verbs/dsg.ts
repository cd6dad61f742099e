import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { saveSettings, type SettingsView, viewSettings } from '../../app/triage/save-settings';
import type { Actor } from '../../domain/people';
import type { AdaptiveCardJson } from '../../presenters/render';
import { setupDsg } from '../../app/triage/setup-dsg';
import { problemsLine } from '../../presenters/format';
import { type MeetingPlanning, settingsCard } from '../../presenters/settings';
import { STRAND_IDS } from '../../domain/catalogue';
import { card, text } from '../reply';
import { submitForm } from './form';
import { personId } from './schemas';
import { verb, view } from './verb';

/** `setup dsg` (typed in a channel by an admin), and the DSG settings card. */

export const dsgSetup = verb('dsg.setup', z.object({}).loose(), async ({ deps, actor, channel }) => {
  if (!channel) return text('Type "setup dsg" in the Teams channel that should become the DSG channel, mentioning me: @DSG Bot setup dsg.');
  const { posted } = await setupDsg(deps, actor, channel);
  return text(
    `This channel is now the DSG channel: its team's members are the Digital Strategy Group, and new requests will be posted here for triage.${posted ? ` ${posted} request${posted === 1 ? '' : 's'} already waiting will be posted now.` : ''} Mention me with "settings" to choose the chair and the Digital Leaders.`,
  );
});

/** The settings card's Change settings form: the chair, the Minute Taker and each strand's Digital Leader. */
const settingsFields = z
  .object({
    chair: personId,
    minuteTaker: personId,
    ...Object.fromEntries(STRAND_IDS.map((s) => [`leader-${s}`, personId])),
  })
  .loose();

/** The settings card as `actor` may see it now: the roles, and the coming meetings (the chair adds, moves and cancels them). */
export async function settingsNow(deps: Deps, actor: Actor, notice?: string, form?: MeetingPlanning['form'], view?: SettingsView): Promise<AdaptiveCardJson> {
  const v = view ?? (await viewSettings(deps, actor));
  return settingsCard(v.settings, v.members, v.canEdit, notice, { canPlan: v.canPlan, today: v.today, held: v.held, ...(form && { form }) });
}

/** `settings`, or a press that opens them (a reminder's "Add a meeting" opens them at the Add a meeting form). */
export const settingsShow = view('settings.show', { focus: z.enum(['add']).optional().catch(undefined) }, async ({ deps, actor }, d) => {
  const v = await viewSettings(deps, actor);
  const notice = d.focus === 'add' && v.canPlan ? 'Add the next DSG meeting with the Add a meeting form below.' : undefined;
  return settingsNow(deps, actor, notice, undefined, v);
});

// The version is 0 before the settings were ever saved.
const settingsKeys = z.object({ version: z.coerce.number({ error: 'the card version is missing' }).int().min(0) }).loose();

export const settingsSave = verb('settings.save', settingsKeys, ({ deps, actor }, d) =>
  submitForm(
    d,
    settingsFields,
    async (fields) => {
      const form = fields as Record<string, string | null | undefined>;
      const leaders = Object.fromEntries(STRAND_IDS.map((s) => [s, form[`leader-${s}`] ?? null]));
      const saved = await saveSettings(deps, actor, d.version, { chair: fields.chair, minuteTaker: fields.minuteTaker, leaders });
      return card(await settingsNow(deps, actor, 'Settings saved.', undefined, saved));
    },
    async (again) => card(await settingsNow(deps, actor, again.notice ?? problemsLine(again.errors))),
  ),
);
