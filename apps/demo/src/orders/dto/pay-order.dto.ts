import { IsCreditCard, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/**
 * Body of `POST /orders/:id/pay`: card data, the kind of secret that must never
 * reach Sentry. The SDK attaches the request body to error events; the module's
 * scrubber masks these fields before anything is sent.
 */
export class PayOrderDto {
  @IsCreditCard() cardNumber: string;
  @Matches(/^\d{3,4}$/) cvc: string;
  @IsString() @IsNotEmpty() @MaxLength(100) cardholder: string;
}
