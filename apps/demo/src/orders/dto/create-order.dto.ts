import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DISCOUNTS } from '../order.model';

/** Body of `POST /orders`. A bad body is a 400, which Sentry does not report. */
export class CreateOrderDto {
  @IsString() @IsNotEmpty() @MaxLength(100) item: string;
  @IsInt() @Min(1) @Max(1000) quantity: number;
  @IsInt() @Min(0) unitPriceCents: number;
  @IsOptional() @IsIn([...DISCOUNTS.keys()]) discountCode?: string;
}
