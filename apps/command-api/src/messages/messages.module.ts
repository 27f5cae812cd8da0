import { Module, type DynamicModule } from '@nestjs/common';
import type { Runtime } from '../bootstrap/runtime';
import { EmlFileTransport } from './eml-file-transport';
import { DevOutboxController } from './dev-outbox.controller';
import { MessageLinksController } from './message-links.controller';
import { MessagesController } from './messages.controller';
import { UpcomingAppointmentsController } from './upcoming-appointments.controller';
import { messageLinks } from './messaging';
import { MESSAGING, type MessagingHandle } from './messages.tokens';

/** The outbox's routes: operators' list and retry, emailed links, the development outbox. */
@Module({})
export class MessagesModule {
  static register(runtime: Runtime): DynamicModule {
    const { config, messaging } = runtime;
    const transport = messaging?.transport;
    const emlFiles = config.messages.smtpUrl ? undefined : transport instanceof EmlFileTransport ? transport : new EmlFileTransport(config.dataDir);
    const handle: MessagingHandle = { emlFiles, links: messageLinks(config), wake: () => messaging?.wake() };
    return {
      module: MessagesModule,
      controllers: [MessagesController, MessageLinksController, DevOutboxController, UpcomingAppointmentsController],
      providers: [{ provide: MESSAGING, useValue: handle }],
    };
  }
}
