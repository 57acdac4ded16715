import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query of `GET /orders/slow`. */
export class SlowQueryDto {
  /** How long the report query takes, in ms. @default 1500 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(10_000) ms: number = 1500;
}
