import { Module } from '@nestjs/common';
import { ChangeTagCatalogueHandler } from './tag-catalogue.command';
import { TagsController } from './tags.controller';

@Module({ controllers: [TagsController], providers: [ChangeTagCatalogueHandler] })
export class TagsModule {}
