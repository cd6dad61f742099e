import { z } from 'zod';
import { saveSettings, viewSettings } from '../../app/triage/save-settings';
import { setupDsg } from '../../app/triage/setup-dsg';
import { settingsCard } from '../../presenters/settings';
import { STRAND_IDS } from '../../domain/catalogue';
import { isDomainError } from '../../domain/errors';
import { card, text } from '../reply';
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

const settingsForm = z
  .object({
    // 0 before the settings were ever saved.
    version: z.coerce.number({ error: 'the card version is missing' }).int().min(0),
    chair: personId,
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

export const settingsSave = verb('settings.save', settingsForm, async ({ deps, actor }, data) => {
  const form = data as Record<string, string | null | undefined>;
  const meetings = [form.meeting1, form.meeting2, form.meeting3].filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d));
  const leaders = Object.fromEntries(STRAND_IDS.map((s) => [s, form[`leader-${s}`] ?? null]));
  try {
    const saved = await saveSettings(deps, actor, data.version, { chair: data.chair, leaders, meetings });
    return card(settingsCard(saved.settings, saved.members, saved.canEdit, 'Settings saved.'));
  } catch (error) {
    if (!(isDomainError(error) && error.code === 'STALE_CARD')) throw error;
    const view = await viewSettings(deps, actor);
    return card(settingsCard(view.settings, view.members, view.canEdit, error.message));
  }
});
