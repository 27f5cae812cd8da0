import { IsInt, IsString, MaxLength, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Base {
  @IsString() name!: string;
}

class Derived extends Base {
  @IsInt() age!: number;
}

const errorsOf = (value: object): string[] => validateSync(value, { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);

const derived = (fields: object): Derived => Object.assign(new Derived(), fields);

describe('cacheValidationMetadata', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates as class-validator does, inherited rules included, again and again', () => {
    for (let round = 0; round < 3; round += 1) {
      expect(errorsOf(derived({ name: 'Ada', age: 36 }))).toEqual([]);
      expect(errorsOf(derived({ name: 7, age: 'old' })).sort()).toEqual(['age', 'name']);
      expect(errorsOf(derived({ name: 'Ada', age: 36, extra: true }))).toEqual(['extra']);
      expect(errorsOf(Object.assign(new Base(), { name: 'Ada', age: 36 }))).toEqual(['age']);
    }
  });

  it('sees a rule registered after the first validations', () => {
    expect(errorsOf(derived({ name: 'a long name', age: 1 }))).toEqual([]);
    MaxLength(3)(Derived.prototype, 'name');
    expect(errorsOf(derived({ name: 'a long name', age: 1 }))).toEqual(['name']);
  });
});
