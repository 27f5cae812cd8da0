import type { ZodTypeAny } from 'zod';
import { EventCodec, type EventRegistry } from './event-codec';
import { userEventSchemas } from './user.events';
import { practiceEventSchemas } from './practice.events';
import { chartEventSchemas } from './chart.events';
import { reservationEventSchemas } from './reservation.events';
import { contactEventSchemas } from './contact.events';
import { tagEventSchemas } from './tag.events';
import { noteEventSchemas } from './note.events';
import { serviceEventSchemas } from './service.events';
import { taskEventSchemas } from './task.events';
import { documentRequestEventSchemas } from './document-request.events';
import { fileEventSchemas } from './file.events';
import { messageEventSchemas, timerEventSchemas } from './message.events';
import { productUpdateEventSchemas } from './product-update.events';

const version1 = (schemas: Record<string, ZodTypeAny>): EventRegistry =>
  Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, { schema, version: 1 }]));

/**
 * Every event type of the system with its current schema version. When a shape must change, bump the
 * version here and add the upcaster from the previous version beside it.
 */
export const eventRegistry: EventRegistry = {
  ...version1(userEventSchemas),
  ...version1(practiceEventSchemas),
  ...version1(chartEventSchemas),
  ...version1(reservationEventSchemas),
  ...version1(contactEventSchemas),
  ...version1(tagEventSchemas),
  ...version1(noteEventSchemas),
  ...version1(serviceEventSchemas),
  ...version1(taskEventSchemas),
  ...version1(documentRequestEventSchemas),
  ...version1(fileEventSchemas),
  ...version1(messageEventSchemas),
  ...version1(timerEventSchemas),
  ...version1(productUpdateEventSchemas),
};

export const eventCodec = new EventCodec(eventRegistry);
