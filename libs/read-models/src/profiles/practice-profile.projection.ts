import type { RecordedEvent, PracticeCreated, PracticeRenamed, PracticeSettings, PracticeSettingsChanged } from '@practice/events';
import type { ReadDocument } from '@practice/read-store';
import { defineProjection } from '../projection';
import { defaultPracticeSettings } from '@practice/domain';

export const PRACTICE_PROFILES = 'practice_profiles';

/**
 * One document per practice: its name and settings. Menus, account lists and member screens read the
 * name from here when they answer, so a rename shows everywhere at once without rewriting them.
 */
export interface PracticeProfileDocument extends ReadDocument {
  readonly practiceId: string;
  readonly name: string;
  readonly settings: PracticeSettings;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const byPracticeId = (event: RecordedEvent): readonly string[] => [(event.data as { practiceId: string }).practiceId];

export const practiceProfileProjection = defineProjection<PracticeProfileDocument>({
  name: PRACTICE_PROFILES,
  indexes: [],
  documentIds: byPracticeId,
  handlers: {
    PracticeCreated: (_doc, event, id) => {
      const { data } = event as RecordedEvent & PracticeCreated;
      const at = event.metadata.occurredAt;
      return { _id: id, practiceId: data.practiceId, name: data.name, settings: defaultPracticeSettings, createdAt: at, updatedAt: at };
    },
    PracticeRenamed: (doc, event) =>
      doc && { ...doc, name: (event as RecordedEvent & PracticeRenamed).data.name, updatedAt: event.metadata.occurredAt },
    PracticeSettingsChanged: (doc, event) =>
      doc && { ...doc, settings: (event as RecordedEvent & PracticeSettingsChanged).data.settings, updatedAt: event.metadata.occurredAt },
  },
});
