/** Streams are `{category}-{id}`; one helper per category so no one spells a stream name by hand. */
export const userStream = (userId: string): string => `user-${userId}`;
export const practiceStream = (practiceId: string): string => `practice-${practiceId}`;
export const chartStream = (chartId: string): string => `chart-${chartId}`;
export const contactStream = (contactId: string): string => `contact-${contactId}`;
export const reservationStream = (hash: string): string => `reservation-${hash}`;
/** A practice's tag catalogue, kept apart from the practice stream. */
export const tagCatalogueStream = (practiceId: string): string => `tags-${practiceId}`;
/** One clinical note of a chart: its versions, signature and addenda. */
export const noteStream = (noteId: string): string => `note-${noteId}`;
/** A practice's service catalogue (billing), kept apart from the practice stream. */
export const serviceCatalogueStream = (practiceId: string): string => `services-${practiceId}`;
/** One task (homework, a to-do) on a chart. */
export const taskStream = (taskId: string): string => `task-${taskId}`;
/** One request for paperwork from a chart. */
export const documentRequestStream = (requestId: string): string => `docrequest-${requestId}`;
/** A document uploaded to a chart (the chart's id is in its events). */
export const fileStream = (fileId: string): string => `file-${fileId}`;

/** A message of the outbox (see message.events.ts). */
export const messageStream = (messageId: string): string => `message-${messageId}`;
/** A durable timer. */
export const timerStream = (timerId: string): string => `timer-${timerId}`;

/** One product update ("Product Updates & Tips"), published by an operator. */
export const productUpdateStream = (updateId: string): string => `productupdate-${updateId}`;

/** The category of a stream: everything before the first dash. */
export const streamCategory = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};

/** The id part of a stream name: everything after the first dash. */
export const streamIdOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? '' : streamId.slice(dash + 1);
};
