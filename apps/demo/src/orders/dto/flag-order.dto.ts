import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Body of `POST /orders/:id/flag`. */
export class FlagOrderDto {
  @IsString() @IsNotEmpty() @MaxLength(200) reason: string;
}
