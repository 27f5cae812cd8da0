import { reminderRecipients } from '@practice/domain';
import type { ReadStore } from '@practice/read-store';
import type { ChartDocument } from '@practice/read-models';
import { WorkflowFacts } from './workflow-facts';

/**
 * Who this chart's appointment reminders reach, and why the client gets none when that is so: the
 * chart view shows it so the practice knows before the appointment.
 */
export const reminderReach = async (readStore: ReadStore, chart: ChartDocument): Promise<{ recipients: number; reason: string | null }> => {
  const audience = await new WorkflowFacts(readStore).reminderAudience(chart);
  const recipients = reminderRecipients(audience).length;
  if (chart.kind !== 'group' && audience.clientEmail === null) {
    const reason =
      recipients === 0
        ? 'No reminder can be sent: the client has no email address and no contact with an email receives reminders'
        : 'The client has no email address: reminders go only to the contacts who receive them';
    return { recipients, reason };
  }
  if (recipients === 0) return { recipients, reason: 'No reminder can be sent: no member with an email has reminders on' };
  return { recipients, reason: null };
};
