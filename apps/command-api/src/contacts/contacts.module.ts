import { Module } from '@nestjs/common';
import { ChangeContactHandler, ContactsController } from './contacts.controller';

@Module({ controllers: [ContactsController], providers: [ChangeContactHandler] })
export class ContactsModule {}
