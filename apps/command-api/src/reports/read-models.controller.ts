import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../http/api-answers';
import { problem, ProblemException } from '../http/problem';
import { readModelCatalog } from './read-model-catalog';
import { JsonSchemaDto, ReadModelListDto } from './read-models.response.dto';

/** The published read models: what each collection holds, its indexes and its JSON Schema (docs/read-models). */
@ApiTags('read-models')
@ApiBearerAuth()
@Controller('read-models')
export class ReadModelsController {
  @ApiRead('Every read model collection with its indexes and where its JSON Schema is', ReadModelListDto, {
    description: 'The read model collections the projector keeps (generated from their TypeScript types); signed in.',
  })
  @Get()
  list(): ReadModelListDto {
    return {
      items: readModelCatalog.map(({ name, type, description, indexes }) => ({
        name,
        type,
        description,
        indexes: indexes.map((index) => ({ ...index, keys: { ...index.keys } })),
        schemaUrl: `/read-models/${name}/schema`,
      })),
    };
  }

  @ApiRead('The JSON Schema of one read model collection', JsonSchemaDto, {
    description: 'The JSON Schema (draft-07) of the documents of a collection, under `schema`: fields with their meaning, `x-indexes`; signed in.',
  })
  @Get(':name/schema')
  schema(@Param('name') name: string): JsonSchemaDto {
    const entry = readModelCatalog.find((candidate) => candidate.name === name);
    if (entry === undefined) throw new ProblemException(problem('ReadModelNotFound', `No read model is named ${JSON.stringify(name.slice(0, 60))}`));
    return { schema: entry.schema };
  }
}
