import { ApiProperty } from '@nestjs/swagger';
import { OPEN_OBJECT } from '../http/answer.dto';

export class ReadModelIndexDto {
  @ApiProperty({ description: 'The index name' }) name: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', enum: [1, -1] }, description: 'Indexed fields in order, 1 ascending, -1 descending' })
  keys: Record<string, 1 | -1>;
  @ApiProperty({ required: false }) unique?: boolean;
}

export class ReadModelSummaryDto {
  @ApiProperty({ description: 'The collection name (the same in the in-memory store and in MongoDB)' }) name: string;
  @ApiProperty({ description: 'The TypeScript type its documents have; the schema is generated from it' }) type: string;
  @ApiProperty({ description: 'What one document of the collection is' }) description: string;
  @ApiProperty({ type: [ReadModelIndexDto] }) indexes: ReadModelIndexDto[];
  @ApiProperty({ description: 'Where its JSON Schema is served', format: 'uri-reference' }) schemaUrl: string;
}

export class ReadModelListDto {
  @ApiProperty({ type: [ReadModelSummaryDto] }) items: ReadModelSummaryDto[];
}

/** A JSON Schema (draft-07) document. */
export class JsonSchemaDto {
  @ApiProperty({ ...OPEN_OBJECT, description: 'The JSON Schema (draft-07) of the collection: `properties` with `description`s, `x-indexes`' })
  schema: object;
}
