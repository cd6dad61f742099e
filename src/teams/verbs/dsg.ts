import { z } from 'zod';
import { saveSettings, viewSettings } from '../../app/triage/save-settings';
import { setupDsg } from '../../app/triage/setup-dsg';
import { problemsLine } from '../../presenters/format';
import { settingsCard } from '../../presenters/settings';
import { STRAND_IDS } from '../../domain/catalogue';
import { card, text } from '../reply';
import { submitForm } from './form';
import { personId } from './schemas';
import { verb } from './verb';

/** `setup dsg` (typed in a channel by an admin), and the DSG settings card. */

export const dsgSetup = verb('dsg.setup', z.object({}).loose(), async ({ deps, actor, channel }) => {
  if (!channel) return text('Type "setup dsg" in the Teams channel that should become the DSG channel, mentioning me: @DSG Bot setup dsg.');
  const { posted } = await setupDsg(deps, actor, channel);
  return text(
    `This channel is now the DSG channel: its team's members are the Digital Strategy Group, and new requests will be posted here for triage.${posted ? ` ${posted} request${posted === 1 ? '' : 's'} already waiting will be posted now.` : ''} Mention me with "settings" to choose the chair and the Digital Leaders.`,
  );
});

/** The settings card's inputs: the chair, each strand's Digital Leader, and up to three meeting dates. */
const settingsFields = z
  .object({
    chair: personId,
    minuteTaker: personId,
    ...Object.fromEntries(STRAND_IDS.map((s) => [`leader-${s}`, personId])),
    meeting1: z.string().optional(),
    meeting2: z.string().optional(),
    meeting3: z.string().optional(),
  })
  .loose();

export const settingsShow = verb('settings.show', z.object({}).loose(), async ({ deps, actor }) => {
  const view = await viewSettings(deps, actor);
  return card(settingsCard(view.settings, view.members, view.canEdit));
});

// The version is 0 before the settings were ever saved.
const settingsKeys = z.object({ version: z.coerce.number({ error: 'the card version is missing' }).int().min(0) }).loose();

export const settingsSave = verb('settings.save', settingsKeys, ({ deps, actor }, d) =>
  submitForm(
    d,
    settingsFields,
    async (fields) => {
      const form = fields as Record<string, string | null | undefined>;
      const meetings = [form.meeting1, form.meeting2, form.meeting3].filter((m): m is string => !!m && /^\d{4}-\d{2}-\d{2}$/.test(m));
      const leaders = Object.fromEntries(STRAND_IDS.map((s) => [s, form[`leader-${s}`] ?? null]));
      const saved = await saveSettings(deps, actor, d.version, { chair: fields.chair, minuteTaker: fields.minuteTaker, leaders, meetings });
      return card(settingsCard(saved.settings, saved.members, saved.canEdit, 'Settings saved.'));
    },
    async (again) => {
      const view = await viewSettings(deps, actor);
      return card(settingsCard(view.settings, view.members, view.canEdit, again.notice ?? problemsLine(again.errors)));
    },
  ),
);
