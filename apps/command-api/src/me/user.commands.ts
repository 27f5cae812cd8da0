
export interface UserCommandResult {
  readonly revision: number;
  readonly position: number;
}

